package dev.retention.domain.recommendation;

import java.time.Instant;
import java.util.UUID;

/**
 * One build of the item-to-item model: its settings, what it read (customers with purchases, orders, products)
 * and kept (similar pairs), and, when asked for, its offline evaluation. The latest build that succeeded serves
 * recommendations.
 */
public record RecommendationBuild(
        UUID id,
        BuildStatus status,
        RecommendationSettings settings,
        boolean evaluate,
        Counts counts,
        OfflineEvaluation.Result evaluation,
        String error,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {

    /** What a build read and kept; null until it succeeded. */
    public record Counts(long customers, long orders, long products, long pairs) {}
}
