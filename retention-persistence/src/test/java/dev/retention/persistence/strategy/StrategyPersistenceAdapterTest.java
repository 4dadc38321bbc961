package dev.retention.persistence.strategy;

import static dev.retention.domain.event.EventType.PURCHASE;
import static dev.retention.domain.event.EventType.REFUND;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.event.EventType;
import dev.retention.domain.metrics.ChurnModel;
import dev.retention.domain.metrics.CustomerFilter;
import dev.retention.domain.metrics.LifecycleQuery;
import dev.retention.domain.rfm.RfmSegment;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import dev.retention.domain.strategy.Assignment;
import dev.retention.domain.strategy.CustomerOutcome;
import dev.retention.domain.strategy.Group;
import dev.retention.domain.strategy.Strategies;
import dev.retention.domain.strategy.Strategy;
import dev.retention.domain.strategy.StrategyChannel;
import dev.retention.domain.strategy.StrategyEffect;
import dev.retention.domain.strategy.StrategyStatus;
import dev.retention.domain.strategy.StrategyTarget;
import dev.retention.domain.strategy.StrategyType;
import dev.retention.persistence.support.AdapterTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * Strategies kept with their target, the customers of a segment, assignments by group, and each assigned customer's
 * outcome: its lifecycle and its purchases less refunds during the window and after it, worked out by hand.
 */
@SpringJUnitConfig({AdapterTest.Infrastructure.class, StrategyPersistenceAdapter.class})
class StrategyPersistenceAdapterTest extends AdapterTest {

    private static final Instant STARTS = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant ENDS = Instant.parse("2026-04-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2026-05-01T00:00:00Z");

    @Autowired
    private Strategies strategies;

    private static Strategy strategy() {
        return new Strategy(
                UUID.randomUUID(),
                "Win back",
                StrategyType.PERSONALISED_MARKETING,
                "10% voucher",
                StrategyChannel.EMAIL,
                new StrategyTarget(Set.of(RfmSegment.AT_RISK, RfmSegment.HIBERNATING), "retail", true),
                STARTS,
                ENDS,
                10,
                StrategyStatus.ACTIVE,
                Instant.parse("2026-02-20T00:00:00Z"),
                Instant.parse("2026-02-21T00:00:00Z"),
                Instant.parse("2026-02-21T00:00:00Z"),
                3);
    }

    private void churn(UUID customer, String at) {
        jdbc.update(
                "insert into customer_event (id, customer_id, type, occurred_at, event_key, recorded_at) "
                        + "values (?, ?, 'CHURNED', ?, ?, now())",
                UUID.randomUUID(),
                customer,
                Timestamp.from(Instant.parse(at)),
                "churn-" + customer);
    }

    @Test
    void aStrategyIsKeptWithItsTarget() {
        Strategy stored = strategy();
        strategies.add(stored);

        assertThat(strategies.find(stored.id())).contains(stored);
        assertThat(strategies.list(new PageRequest(0, 10)).items()).containsExactly(stored);
    }

    @Test
    void theCustomersOfASegmentLeaveOutTheErased() {
        UUID ada = customer("crm-ada", "retail");
        UUID bob = customer("crm-bob", "retail");
        customer("crm-cy", "wholesale");
        jdbc.update("update customer set erased_at = now() where id = ?", bob);

        assertThat(strategies.customersOfSegment("retail")).containsExactly(ada);
    }

    @Test
    void assignmentsArePagedByGroupAndFoundOneByOne() {
        Strategy stored = strategy();
        strategies.add(stored);
        UUID ada = customer("crm-ada", "retail");
        UUID bob = customer("crm-bob", "retail");
        UUID cy = customer("crm-cy", "retail");
        strategies.assign(List.of(
                new Assignment(stored.id(), ada, Group.TREATMENT, STARTS),
                new Assignment(stored.id(), bob, Group.HOLDOUT, STARTS),
                new Assignment(stored.id(), cy, Group.TREATMENT, STARTS)));

        Page<Assignment> treatment = strategies.assignments(stored.id(), Group.TREATMENT, new PageRequest(0, 1));

        assertThat(treatment.totalItems()).isEqualTo(2);
        assertThat(treatment.items())
                .singleElement()
                .extracting(Assignment::group)
                .isEqualTo(Group.TREATMENT);
        assertThat(strategies.assignment(stored.id(), CustomerId.of(bob)))
                .map(Assignment::group)
                .contains(Group.HOLDOUT);
        assertThat(strategies.assignment(stored.id(), CustomerId.of(customer("crm-dan", "retail"))))
                .isEmpty();
    }

    /*
     * Window [1 March, 1 April), judged on 1 May.
     *   Ada (treatment): 10 on 20 Feb (before), 50 on 10 March, refund 20 on 15 March, 30 on 10 April, 99 on 2 May
     *                    (after the judgement): during 30, after 30; still active.
     *   Bob (holdout):   churned on 20 March, no purchase: during 0, after 0; not active on 1 May.
     */
    @Test
    void eachAssignedCustomersOutcomeSplitsRevenueAtTheWindowsEndAndCarriesItsLifecycle() {
        Strategy stored = strategy();
        strategies.add(stored);
        UUID ada = customer("crm-ada", "retail");
        UUID bob = customer("crm-bob", "retail");
        strategies.assign(List.of(
                new Assignment(stored.id(), ada, Group.TREATMENT, STARTS),
                new Assignment(stored.id(), bob, Group.HOLDOUT, STARTS)));
        money(ada, PURCHASE, "2026-02-20T12:00:00Z", "10");
        money(ada, PURCHASE, "2026-03-10T12:00:00Z", "50");
        money(ada, REFUND, "2026-03-15T12:00:00Z", "20");
        money(ada, PURCHASE, "2026-04-10T12:00:00Z", "30");
        money(ada, PURCHASE, "2026-05-02T12:00:00Z", "99");
        churn(bob, "2026-03-20T12:00:00Z");
        LifecycleQuery contractual = new LifecycleQuery(
                ChurnModel.CONTRACTUAL,
                Set.of(EventType.PURCHASE),
                Duration.ofDays(90),
                CustomerFilter.ALL,
                List.of(STARTS, ENDS, UNTIL));

        Map<UUID, CustomerOutcome> outcomes =
                strategies.outcomes(stored.id(), contractual, STARTS, ENDS, UNTIL).stream()
                        .collect(Collectors.toMap(CustomerOutcome::customerId, Function.identity()));

        assertThat(outcomes.get(ada).group()).isEqualTo(Group.TREATMENT);
        assertThat(outcomes.get(ada).revenueDuring()).isEqualByComparingTo("30");
        assertThat(outcomes.get(ada).revenueAfter()).isEqualByComparingTo("30");
        assertThat(outcomes.get(ada).lifecycle().activeAt(UNTIL)).isTrue();
        assertThat(outcomes.get(bob).revenueDuring()).isEqualByComparingTo("0");
        assertThat(outcomes.get(bob).lifecycle().activeAt(ENDS)).isFalse();
    }

    private void bought(UUID customer, String key, String at, String product) {
        UUID event = UUID.randomUUID();
        jdbc.update(
                "insert into customer_event (id, customer_id, type, occurred_at, amount, currency, event_key, recorded_at) "
                        + "values (?, ?, 'PURCHASE', ?, 5, 'EUR', ?, now())",
                event,
                customer,
                Timestamp.from(Instant.parse(at)),
                key);
        jdbc.update(
                "insert into customer_event_line (event_id, line_no, product_id, quantity, unit_price) "
                        + "values (?, 1, ?, 1, 5)",
                event,
                product);
    }

    /*
     * Ada and Cy (treatment) were recommended mug and tea, Bob (holdout) mug. From 1 March: Ada buys tea on 10 March
     * (counts), Cy buys a pot (not recommended), Bob buys a mug (holdout: not counted); Ada's mug of 20 February lies
     * before. 2 treated customers with recommendations, 1 bought one.
     */
    @Test
    void recommendedProductsAreKeptWithTheAssignmentAndTheirUptakeCounted() {
        Strategy stored = strategy();
        strategies.add(stored);
        UUID ada = customer("crm-ada", "retail");
        UUID bob = customer("crm-bob", "retail");
        UUID cy = customer("crm-cy", "retail");
        strategies.assign(List.of(
                new Assignment(stored.id(), ada, Group.TREATMENT, STARTS, List.of("mug", "tea")),
                new Assignment(stored.id(), bob, Group.HOLDOUT, STARTS, List.of("mug")),
                new Assignment(stored.id(), cy, Group.TREATMENT, STARTS, List.of("mug", "tea"))));
        bought(ada, "a1", "2026-02-20T00:00:00Z", "mug");
        bought(ada, "a2", "2026-03-10T00:00:00Z", "tea");
        bought(cy, "c1", "2026-03-10T00:00:00Z", "pot");
        bought(bob, "b1", "2026-03-10T00:00:00Z", "mug");

        StrategyEffect.RecommendationUptake uptake =
                strategies.recommendationUptake(stored.id(), STARTS, Instant.parse("2026-05-01T00:00:00Z"));

        assertThat(strategies.assignment(stored.id(), CustomerId.of(ada)))
                .map(Assignment::recommended)
                .contains(List.of("mug", "tea"));
        assertThat(uptake.customersWithRecommendations()).isEqualTo(2);
        assertThat(uptake.boughtARecommendedProduct()).isEqualTo(1);
        assertThat(uptake.share()).isEqualTo(0.5);
    }
}
