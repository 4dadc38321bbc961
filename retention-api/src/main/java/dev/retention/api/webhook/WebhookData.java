package dev.retention.api.webhook;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The data of each kind of webhook message, for the OpenAPI document (receivers generate their models from it). */
final class WebhookData {

    private WebhookData() {}

    @Schema(
            name = "CustomerLifecycleWebhookData",
            description = "The data of customer.churned and customer.reactivated.")
    record CustomerLifecycle(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            UUID customerId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String externalId,

            String segment,

            @Schema(description = "The CHURNED or REACTIVATED event.", requiredMode = Schema.RequiredMode.REQUIRED)
            UUID eventId,

            @Schema(description = "When the event happened (UTC).", requiredMode = Schema.RequiredMode.REQUIRED)
            Instant occurredAt) {}

    @Schema(name = "CustomerAtRiskWebhookData", description = "The data of customer.at_risk.")
    record CustomerAtRisk(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            UUID customerId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String externalId,

            String segment,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            Instant lastPurchaseAt,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            double daysSinceLastPurchase,

            @Schema(
                    description = "The silence after which the customer counts as at risk.",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            double thresholdDays,

            @Schema(description = "Why, in words.", requiredMode = Schema.RequiredMode.REQUIRED)
            String reason,

            @Schema(
                    description = "Purchases less refunds over the last 12 months.",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            BigDecimal valueAtRisk,

            @Schema(description = "From the current lifetime-value model, when one scored the customer.")
            Double probabilityAlive,

            @Schema(
                    description = "The customer's top 3 recommended products from the latest recommendation model, "
                            + "for a personal offer; empty without a model.",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            List<String> recommendedProducts) {}

    @Schema(name = "ProbabilityAliveWebhookData", description = "The data of customer.p_alive_below.")
    record ProbabilityAlive(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            UUID customerId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String externalId,

            String segment,

            @Schema(
                    description = "The fit that became the segment's model.",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            UUID modelId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            double probabilityAlive,

            @Schema(description = "Under the previous model; absent when it had no prediction for the customer.")
            Double previousProbabilityAlive,

            @Schema(description = "The subscription's threshold.", requiredMode = Schema.RequiredMode.REQUIRED)
            double threshold) {}

    @Schema(name = "TierChangedWebhookData", description = "The data of loyalty.tier_changed.")
    record TierChanged(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            UUID customerId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String externalId,

            String segment,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String previousTier,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String tier,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            Instant tierSince) {}

    @Schema(name = "PointsExpiringWebhookData", description = "The data of loyalty.points_expiring.")
    record PointsExpiring(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            UUID customerId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String externalId,

            String segment,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            UUID lotId,

            @Schema(description = "The points of the lot still unspent.", requiredMode = Schema.RequiredMode.REQUIRED)
            long points,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            Instant expiresAt) {}

    @Schema(name = "StrategyVerdictWebhookData", description = "The data of strategy.verdict.")
    record StrategyVerdict(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            UUID strategyId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String name,

            @Schema(
                    description = "DURING the strategy's window or AFTER it.",
                    allowableValues = {"DURING", "AFTER"},
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String window,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            Instant from,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            Instant until,

            @Schema(
                    allowableValues = {"retention", "churn", "revenuePerCustomer"},
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String figure,

            @Schema(
                    allowableValues = {"SIGNIFICANT_POSITIVE", "SIGNIFICANT_NEGATIVE"},
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String verdict,

            Double treatment,
            Double holdout,
            Double uplift,

            @Schema(description = "Lower end of the uplift's 95% interval.")
            Double lower,

            @Schema(description = "Upper end of the uplift's 95% interval.")
            Double upper,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            long treatmentCustomers,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            long holdoutCustomers) {}

    @Schema(name = "MetricThresholdWebhookData", description = "The data of metric.threshold.")
    record MetricThreshold(
            @Schema(allowableValues = "churnRate", requiredMode = Schema.RequiredMode.REQUIRED)
            String metric,

            @Schema(allowableValues = "MONTH", requiredMode = Schema.RequiredMode.REQUIRED)
            String granularity,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            LocalDate periodStart,

            @Schema(description = "Exclusive.", requiredMode = Schema.RequiredMode.REQUIRED)
            LocalDate periodEnd,

            @Schema(description = "The reporting zone.", requiredMode = Schema.RequiredMode.REQUIRED)
            String zone,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String churnModel,

            @Schema(description = "The churn rate, percent.", requiredMode = Schema.RequiredMode.REQUIRED)
            BigDecimal value,

            @Schema(description = "The subscription's threshold, percent.", requiredMode = Schema.RequiredMode.REQUIRED)
            BigDecimal threshold,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            long startCustomers,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            long churned) {}
}
