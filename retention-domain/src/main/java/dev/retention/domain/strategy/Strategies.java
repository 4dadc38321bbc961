package dev.retention.domain.strategy;

import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.metrics.LifecycleQuery;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where strategies, their assignments and touches are kept. */
public interface Strategies {

    void add(Strategy strategy);

    void update(Strategy strategy);

    Optional<Strategy> find(UUID id);

    /** Finds the strategy and locks it until the transaction ends. */
    Optional<Strategy> lock(UUID id);

    Page<Strategy> list(PageRequest page);

    /** The ids of the customers (not erased) of a customer segment. */
    List<UUID> customersOfSegment(String segment);

    void assign(Collection<Assignment> assignments);

    Page<Assignment> assignments(UUID strategyId, Group group, PageRequest page);

    Optional<Assignment> assignment(UUID strategyId, CustomerId customer);

    void addTouch(Touch touch);

    /** Treated customers with recommended products, and those who bought one of theirs in [from, to). */
    StrategyEffect.RecommendationUptake recommendationUptake(UUID strategyId, Instant from, Instant to);

    /**
     * Every assigned customer with its lifecycle built by {@code lifecycles} from events before {@code until}, and
     * its purchases less refunds in [windowStart, windowEnd) and in [windowEnd, until). While the window is open,
     * {@code windowEnd} is {@code until}, so nothing dated after {@code until} counts.
     */
    List<CustomerOutcome> outcomes(
            UUID strategyId, LifecycleQuery lifecycles, Instant windowStart, Instant windowEnd, Instant until);
}
