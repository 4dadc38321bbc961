package dev.retention.api.strategy;

import dev.retention.domain.rfm.RfmSegment;
import dev.retention.domain.strategy.Strategy;
import dev.retention.domain.strategy.StrategyChannel;
import dev.retention.domain.strategy.StrategyType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

@Schema(description = "A new retention strategy; it starts as DRAFT.")
record StrategyRequest(
        @Schema(
                description = "Name, at most 200 characters.",
                example = "Win back sleeping customers",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String name,

        @Schema(description = "The strategy family.", requiredMode = Schema.RequiredMode.REQUIRED)
        StrategyType type,

        @Schema(
                description = "What is done, at most 2000 characters.",
                example = "10% voucher by e-mail",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String action,

        @Schema(description = "How it reaches the customer.", requiredMode = Schema.RequiredMode.REQUIRED)
        StrategyChannel channel,

        @Schema(description = "Who it targets; at least one criterion.", requiredMode = Schema.RequiredMode.REQUIRED)
        Target target,

        @Schema(description = "Start of the window (UTC).", requiredMode = Schema.RequiredMode.REQUIRED)
        Instant startsAt,

        @Schema(description = "End of the window (UTC), after the start.", requiredMode = Schema.RequiredMode.REQUIRED)
        Instant endsAt,

        @Schema(
                description = "Share of targeted customers kept as control group, 1 to 50; default 10.",
                example = "10",
                minimum = "" + Strategy.MIN_HOLDOUT_PERCENT,
                maximum = "" + Strategy.MAX_HOLDOUT_PERCENT)
        Integer holdoutPercent,

        @Schema(
                description = "PERSONALISED_MARKETING only: at activation, attach each treated customer's top N "
                        + "recommended products (from the latest recommendation model) to its assignment, and report "
                        + "in the effect how many bought one; 0 to 20, default 0 (none).",
                example = "5",
                minimum = "0",
                maximum = "" + Strategy.MAX_RECOMMENDATIONS)
        @Nullable
        Integer recommendations) {

    @Schema(name = "StrategyTarget", description = "Customers matching every criterion given.")
    record Target(
            @Schema(description = "RFM segments (scored over the 365 days before activation); any of them.")
            Set<RfmSegment> rfmSegments,

            @Schema(description = "The customer segment.", example = "retail")
            String customerSegment,

            @Schema(description = "Only customers on the at-risk list at activation (its first 500 by value).")
            Boolean atRisk) {}
}
