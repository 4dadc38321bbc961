package dev.retention.domain.strategy;

import java.util.Set;

/** Where a strategy stands: DRAFT to ACTIVE to COMPLETED, and CANCELLED from DRAFT or ACTIVE; nothing else. */
public enum StrategyStatus {
    DRAFT,
    ACTIVE,
    COMPLETED,
    CANCELLED;

    public Set<StrategyStatus> next() {
        return switch (this) {
            case DRAFT -> Set.of(ACTIVE, CANCELLED);
            case ACTIVE -> Set.of(COMPLETED, CANCELLED);
            case COMPLETED, CANCELLED -> Set.of();
        };
    }

    public boolean canMoveTo(StrategyStatus status) {
        return next().contains(status);
    }
}
