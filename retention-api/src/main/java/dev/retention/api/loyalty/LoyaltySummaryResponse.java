package dev.retention.api.loyalty;

import dev.retention.api.shared.CsvExport;
import dev.retention.domain.metrics.Granularity;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

@Schema(description = "The loyalty programme at a glance: members by tier now, and the points that moved per period.")
@CsvExport
record LoyaltySummaryResponse(
        Granularity granularity,

        @Schema(description = "The reporting time zone.", example = "Europe/Berlin")
        String zone,

        @Schema(description = "Members now.") long members,

        @Schema(
                description = "Members by the tier they hold now: the current programme's tiers in their order, "
                        + "empty ones included, then any tier members still hold from an earlier version.")
        List<TierSize> tiers,

        @Schema(description = "The points per period, by when each ledger entry took effect.")
        List<Points> periods,

        @Schema(description = "The points over the whole range.")
        Points total) {

    @Schema(name = "LoyaltyTierSize", description = "The members of one tier.")
    record TierSize(@Schema(example = "Gold") String tier, long members) {}

    @Schema(name = "LoyaltyPointsFlow", description = "Points that moved in a period.")
    record Points(
            @Schema(description = "First day.") LocalDate startDate,
            @Schema(description = "Day after the last.") LocalDate endDate,
            @Schema(description = "Earned by purchases.") long earned,
            @Schema(description = "Spent on rewards.") long redeemed,
            @Schema(description = "Expired unspent.") long expired,
            @Schema(description = "Taken back by refunds.") long clawedBack,

            @Schema(description = "Net of manual adjustments (negative when more was taken than given).")
            long adjusted) {}
}
