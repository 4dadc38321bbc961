package dev.retention.domain.strategy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A targeted customer and its side of the experiment, fixed at activation; for a treated customer of a strategy that
 * attaches recommendations, the products recommended to it then, best first.
 */
public record Assignment(UUID strategyId, UUID customerId, Group group, Instant assignedAt, List<String> recommended) {

    public Assignment {
        recommended = recommended == null ? List.of() : List.copyOf(recommended);
    }

    public Assignment(UUID strategyId, UUID customerId, Group group, Instant assignedAt) {
        this(strategyId, customerId, group, assignedAt, List.of());
    }
}
