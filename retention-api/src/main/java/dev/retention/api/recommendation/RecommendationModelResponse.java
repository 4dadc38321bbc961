package dev.retention.api.recommendation;

import dev.retention.domain.recommendation.BuildStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Schema(
        description = "A build of the item-to-item recommendation model; the latest one that succeeded serves "
                + "recommendations.")
record RecommendationModelResponse(
        @Schema(description = "The build's id.") UUID id,

        @Schema(description = "QUEUED, RUNNING, SUCCEEDED or FAILED.")
        BuildStatus status,

        @Schema(description = "The settings it was built with.")
        Settings settings,

        @Schema(description = "Whether the offline evaluation was asked for.")
        boolean evaluate,

        @Schema(description = "Customers with purchases of products it read.") @Nullable
        Long customers,

        @Schema(description = "Their orders (purchase events with products).") @Nullable
        Long orders,

        @Schema(description = "Distinct products bought.") @Nullable
        Long products,

        @Schema(description = "Similar pairs kept.") @Nullable
        Long pairs,

        @Schema(description = "The offline evaluation, when asked for and done.") @Nullable
        Evaluation evaluation,

        @Schema(description = "Why it failed.") @Nullable String error,

        @Schema(description = "When it was asked for.") Instant createdAt,

        @Schema(description = "When it started.") @Nullable Instant startedAt,

        @Schema(description = "When it ended.") @Nullable Instant finishedAt) {

    @Schema(name = "RecommendationSettings", description = "The knobs of a build.")
    record Settings(
            int neighbours,
            int minimumCoBuyers,
            double shrinkage,
            double recencyDecay,
            double repeatShare,
            int repeatMinimumBuyers) {}

    @Schema(
            name = "RecommendationEvaluation",
            description = "Leave-last-order-out evaluation: the model is rebuilt without each evaluated customer's "
                    + "latest order, and that order's products are what the top k should contain.")
    record Evaluation(
            @Schema(description = "The length of the lists, 10.")
            int k,

            @Schema(description = "Customers with two or more orders.")
            int customersEvaluated,

            @Schema(description = "The item-to-item recommendations.")
            Quality itemToItem,

            @Schema(description = "The popularity baseline: the most bought products the customer did not buy.")
            Quality popularity,

            @Schema(description = "itemToItem.hitRate / popularity.hitRate; absent when the baseline hit no one.")
            @Nullable
            Double hitRateRatio) {}

    @Schema(name = "RankingQuality", description = "How well top-k lists predicted the held-out orders.")
    record Quality(
            @Schema(description = "Share of customers with at least one held-out product in their list.")
            double hitRate,

            @Schema(description = "Held-out products in the list, divided by k, averaged.")
            double precision,

            @Schema(description = "Held-out products in the list, divided by the held-out order's products, averaged.")
            double recall,

            @Schema(
                    description = "Mean average precision at k: at each rank holding a held-out product, the "
                            + "precision so far; summed, divided by min(k, held-out products), averaged.")
            double meanAveragePrecision,

            @Schema(description = "Distinct products recommended to anyone, divided by the products bought.")
            double coverage) {}
}
