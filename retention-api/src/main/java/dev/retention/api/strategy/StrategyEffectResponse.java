package dev.retention.api.strategy;

import dev.retention.api.shared.EnumDocumentation;
import dev.retention.domain.strategy.StrategyEffect;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Schema(description = "Treatment against holdout, during the strategy's window and after it.")
record StrategyEffectResponse(
        @Schema(description = "The strategy.") UUID strategyId,

        @Schema(
                description = "NOT_STARTED: now is before the window's start and no figure is reported; RUNNING: "
                        + "the window is open and during runs to now; ENDED: during covers the whole window and after "
                        + "runs from its end to now.")
        StrategyEffect.WindowState state,

        @Schema(
                description = "From the start of the window to its end, or to now while it runs; absent before it "
                        + "starts. Every figure, revenue included, stops at now.")
        @Nullable
        Window during,

        @Schema(description = "From the end of the window to now; absent until it has ended.") @Nullable
        Window after,

        @Schema(
                description = "For a strategy that attached recommendations: how many treated customers bought one "
                        + "of their recommended products from activation until now; absent otherwise.")
        @Nullable
        Uptake recommendationUptake) {

    @Schema(name = "StrategyRecommendationUptake", description = "Treated customers who bought what was recommended.")
    record Uptake(
            @Schema(description = "Treated customers with at least one recommended product.")
            long customersWithRecommendations,

            @Schema(description = "Those of them who bought at least one of their recommended products.")
            long boughtARecommendedProduct,

            @Schema(description = "boughtARecommendedProduct / customersWithRecommendations; absent when 0 / 0.")
            @Nullable
            Double share) {}

    @Schema(name = "StrategyEffectWindow", description = "One stretch of time.")
    record Window(
            @Schema(description = "Start.") Instant from,
            @Schema(description = "End.") Instant until,
            @Schema(description = "Customers in treatment.") long treatmentCustomers,
            @Schema(description = "Customers in holdout.") long holdoutCustomers,

            @Schema(description = "Share of the group active at the end (two-proportion z-test).")
            Figure retention,

            @Schema(
                    description = "Share of those active at the start who were not at the end (z-test); lower is "
                            + "better.")
            Figure churn,

            @Schema(description = "Purchases less refunds in the stretch per assigned customer (Welch's t).")
            Figure revenuePerCustomer) {}

    @Schema(
            name = "StrategyEffectFigure",
            description = "One figure for both groups; absent values where a group is "
                    + "too small (no customer, or fewer than two for revenue).")
    record Figure(
            @Schema(description = "Treatment value.") @Nullable
            Double treatment,

            @Schema(description = "Holdout value.") @Nullable
            Double holdout,

            @Schema(description = "Absolute uplift, treatment - holdout.") @Nullable
            Double uplift,

            @Schema(description = "Lower end of its 95% confidence interval.") @Nullable
            Double lower,

            @Schema(description = "Upper end of its 95% confidence interval.") @Nullable
            Double upper,

            @Schema(description = "The test statistic: z for rates, t for revenue.") @Nullable
            Double statistic,

            @Schema(ref = EnumDocumentation.VERDICT) @Nullable
            String verdict) {}
}
