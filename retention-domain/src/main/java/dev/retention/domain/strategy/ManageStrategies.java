package dev.retention.domain.strategy;

import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.metrics.LifecycleQuery;
import dev.retention.domain.recommendation.RecommendForCustomers;
import dev.retention.domain.rfm.RfmQuery;
import dev.retention.domain.rfm.RfmScores;
import dev.retention.domain.risk.AtRiskCustomer;
import dev.retention.domain.risk.AtRiskCustomers;
import dev.retention.domain.risk.AtRiskQuery;
import dev.retention.domain.shared.ConflictException;
import dev.retention.domain.shared.Instants;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import dev.retention.domain.shared.ResourceNotFoundException;
import dev.retention.domain.shared.RuleViolationException;
import dev.retention.domain.shared.UnitOfWork;
import dev.retention.domain.shared.Violation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Strategies from draft to result. Activation fixes the targeted customers of that moment and splits them into
 * treatment and holdout by {@link Group#of}; touches record what reached treatment customers; the effect compares
 * the groups by the metrics rules.
 */
public class ManageStrategies {

    /** The RFM window targets are scored over. */
    public static final int RFM_WINDOW_DAYS = 365;

    private final Strategies strategies;
    private final RfmScores rfm;
    private final AtRiskCustomers atRisk;
    private final RecommendForCustomers recommend;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public ManageStrategies(
            Strategies strategies,
            RfmScores rfm,
            AtRiskCustomers atRisk,
            RecommendForCustomers recommend,
            UnitOfWork unitOfWork,
            Clock clock) {
        this.strategies = strategies;
        this.rfm = rfm;
        this.atRisk = atRisk;
        this.recommend = recommend;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    public Strategy create(
            String name,
            StrategyType type,
            String action,
            StrategyChannel channel,
            StrategyTarget target,
            Instant startsAt,
            Instant endsAt,
            Integer holdoutPercent,
            Integer recommendations) {
        Instant now = Instants.now(clock);
        Strategy strategy = new Strategy(
                UUID.randomUUID(),
                name,
                type,
                action,
                channel,
                target,
                Instants.stored(startsAt),
                Instants.stored(endsAt),
                holdoutPercent == null ? Strategy.DEFAULT_HOLDOUT_PERCENT : holdoutPercent,
                StrategyStatus.DRAFT,
                now,
                null,
                now,
                recommendations == null ? 0 : recommendations);
        strategies.add(strategy);
        return strategy;
    }

    /** All strategies, newest first. */
    public Page<Strategy> list(PageRequest page) {
        return strategies.list(page);
    }

    /** The strategy's customers in the group (null: both groups); not found when no strategy has the id. */
    public Page<Assignment> assignments(UUID strategyId, Group group, PageRequest page) {
        find(strategyId);
        return strategies.assignments(strategyId, group, page);
    }

    public Strategy find(UUID id) {
        return strategies.find(id).orElseThrow(() -> new ResourceNotFoundException("Strategy", id));
    }

    /** Moves the strategy on; activation assigns the targeted customers in the same transaction. */
    public Strategy moveTo(UUID id, StrategyStatus next) {
        Instant now = Instants.now(clock);
        return unitOfWork.inTransaction(() -> {
            Strategy strategy = strategies.lock(id).orElseThrow(() -> new ResourceNotFoundException("Strategy", id));
            if (!strategy.status().canMoveTo(next)) {
                throw new ConflictException(
                        "illegal-transition",
                        "A " + strategy.status() + " strategy cannot become " + next + "; allowed: "
                                + strategy.status().next());
            }
            if (next == StrategyStatus.ACTIVE) {
                if (!now.isBefore(strategy.endsAt())) {
                    throw new ConflictException(
                            "strategy-window-over",
                            "The strategy's window ended at " + strategy.endsAt() + "; it can no longer be activated.");
                }
                Set<UUID> targeted = targets(strategy.target(), now);
                List<UUID> treated = targeted.stream()
                        .filter(customer -> Group.of(id, customer, strategy.holdoutPercent()) == Group.TREATMENT)
                        .toList();
                Map<UUID, List<String>> recommended = strategy.recommendations() == 0
                        ? Map.of()
                        : recommend.topProducts(treated, strategy.recommendations());
                List<Assignment> assignments = new ArrayList<>();
                for (UUID customer : targeted) {
                    assignments.add(new Assignment(
                            id,
                            customer,
                            Group.of(id, customer, strategy.holdoutPercent()),
                            now,
                            recommended.getOrDefault(customer, List.of())));
                }
                strategies.assign(assignments);
            }
            Strategy moved = strategy.moveTo(next, now);
            strategies.update(moved);
            return moved;
        });
    }

    private Set<UUID> targets(StrategyTarget target, Instant now) {
        Set<UUID> targets = null;
        if (!target.rfmSegments().isEmpty()) {
            targets = intersect(targets, rfm.customerIds(new RfmQuery(now, RFM_WINDOW_DAYS), target.rfmSegments()));
        }
        if (target.customerSegment() != null) {
            targets = intersect(targets, strategies.customersOfSegment(target.customerSegment()));
        }
        if (target.atRisk()) {
            targets = intersect(
                    targets,
                    atRisk.find(new AtRiskQuery(now, AtRiskQuery.MAX_LIMIT)).stream()
                            .map(AtRiskCustomer::customerId)
                            .toList());
        }
        return targets == null ? Set.of() : targets;
    }

    /** The customers in both; a null set is no restriction yet. */
    private static Set<UUID> intersect(Set<UUID> current, Collection<UUID> more) {
        if (current == null) {
            return new LinkedHashSet<>(more);
        }
        current.retainAll(Set.copyOf(more));
        return current;
    }

    /** Records that the action reached a treatment customer of an active or completed strategy. */
    public Touch touch(UUID strategyId, CustomerId customer, Touch.Kind kind, Instant occurredAt) {
        UUID customerId = customer.value();
        Strategy strategy = find(strategyId);
        if (strategy.status() == StrategyStatus.DRAFT || strategy.status() == StrategyStatus.CANCELLED) {
            throw new ConflictException(
                    "strategy-not-running",
                    "A " + strategy.status() + " strategy reaches nobody; touches need an ACTIVE or COMPLETED one.");
        }
        Assignment assignment = strategies
                .assignment(strategyId, customer)
                .orElseThrow(() -> new RuleViolationException(
                        "not-assigned",
                        "Customer " + customerId + " is not among the strategy's " + "targeted customers.",
                        List.of(new Violation("customerId", "is not assigned"))));
        if (assignment.group() == Group.HOLDOUT) {
            throw new RuleViolationException(
                    "holdout-customer",
                    "Customer " + customerId + " is in the holdout " + "group, which the action must not reach.",
                    List.of(new Violation("customerId", "is in holdout")));
        }
        Instant now = Instants.now(clock);
        Touch touch = new Touch(
                UUID.randomUUID(),
                strategyId,
                customerId,
                kind,
                occurredAt == null ? now : Instants.stored(occurredAt),
                now);
        strategies.addTouch(touch);
        return touch;
    }

    /**
     * The effect during the window (until its end, or until now while it runs) and after it (from its end until
     * now, once it has ended), with lifecycles by {@code lifecycles}' rules. Every figure stops at now, revenue
     * included: events may be dated up to a day ahead (clock skew) and must not count before their time. Before the
     * window starts there is nothing to measure.
     */
    public StrategyEffect effect(UUID id, Function<Instant, LifecycleQuery> lifecycles) {
        Strategy strategy = find(id);
        if (strategy.activatedAt() == null) {
            throw new ConflictException(
                    "strategy-not-activated", "Strategy " + id + " was never activated, so " + "nobody was assigned.");
        }
        Instant now = Instants.now(clock);
        if (now.isBefore(strategy.startsAt())) {
            return new StrategyEffect(strategy, StrategyEffect.WindowState.NOT_STARTED, null, null, null);
        }
        boolean ended = !now.isBefore(strategy.endsAt());
        Instant duringEnd = ended ? strategy.endsAt() : now;
        List<CustomerOutcome> outcomes =
                strategies.outcomes(id, lifecycles.apply(now), strategy.startsAt(), duringEnd, now);
        WindowEffect during = WindowEffect.of(outcomes, strategy.startsAt(), duringEnd, CustomerOutcome::revenueDuring);
        WindowEffect after = now.isAfter(strategy.endsAt())
                ? WindowEffect.of(outcomes, strategy.endsAt(), now, CustomerOutcome::revenueAfter)
                : null;
        StrategyEffect.RecommendationUptake uptake = strategy.recommendations() == 0
                ? null
                : strategies.recommendationUptake(id, strategy.activatedAt(), now);
        return new StrategyEffect(
                strategy,
                ended ? StrategyEffect.WindowState.ENDED : StrategyEffect.WindowState.RUNNING,
                during,
                after,
                uptake);
    }
}
