package dev.retention.api.revenue;

import dev.retention.api.shared.CsvExport;
import dev.retention.domain.metrics.Granularity;
import dev.retention.domain.revenue.RevenueComparison;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

@Schema(name = "RevenueReport", description = "Revenue retention per period. Amounts in the reporting currency.")
@CsvExport
record RevenueReportResponse(
        @Schema(description = "The segment the figures are for; absent: all customers.") @Nullable
        String segment,

        @Schema(description = "Period length.") Granularity granularity,

        @Schema(description = "Reporting time zone.") String zone,

        @Schema(description = "What each period is compared with.")
        RevenueComparison compareTo,

        @Schema(description = "One entry per period, in order.")
        List<Period> periods) {

    @Schema(name = "RevenuePeriod", description = "One period P against its compared period P'.")
    record Period(
            @Schema(description = "First day of P.") LocalDate startDate,

            @Schema(description = "Day after P.") LocalDate endDate,

            @Schema(description = "First day of P'.") LocalDate comparedStartDate,

            @Schema(description = "Σ r(c, P): purchases less refunds in P.")
            BigDecimal revenue,

            @Schema(description = "Σ max(r(c, P), 0).") BigDecimal positiveRevenue,

            @Schema(description = "Customers with r(c, P) > 0.")
            long payingCustomers,

            @Schema(
                    description = "Σ min(r(c, P), 0): refunds beyond a customer's purchases in P; revenue = "
                            + "positiveRevenue + refundsBeyondRevenue.")
            BigDecimal refundsBeyondRevenue,

            @Schema(description = "Σ max(r(c, P'), 0).") BigDecimal comparedPositiveRevenue,

            @Schema(description = "|B|: customers with r(c, P') > 0.")
            long baseCustomers,

            @Schema(description = "Σ over B of r(c, P').") BigDecimal baseRevenue,

            @Schema(description = "Σ over B of max(r(c, P), 0).")
            BigDecimal netRetainedRevenue,

            @Schema(description = "Σ over B of min(max(r(c, P), 0), r(c, P')).")
            BigDecimal grossRetainedRevenue,

            @Schema(description = "Net revenue retention in percent; absent when B is empty (see retentionNote).")
            @Nullable
            BigDecimal nrr,

            @Schema(description = "Gross revenue retention in percent, never above 100; absent when B is empty.")
            @Nullable
            BigDecimal grr,

            @Schema(description = "Why nrr and grr are absent; absent when they are not.") @Nullable
            String retentionNote,

            @Schema(description = "Movements from P' to P; absent unless compareTo is PREVIOUS.") @Nullable
            Movements movements,

            @Schema(
                    description = "(new + expansion + reactivated) / (contraction + churned); absent without "
                            + "movements or when nothing was lost.")
            @Nullable
            BigDecimal quickRatio) {}

    @Schema(
            name = "RevenueMovements",
            description = "Each customer with positive revenue in P' or P moves one way, on r⁺ = max(r, 0). "
                    + "positiveRevenue − comparedPositiveRevenue = newRevenue + expansion + reactivated − "
                    + "contraction − churned.")
    record Movements(
            @Schema(description = "First positive revenue ever, in P; amount r⁺(P).")
            Movement newRevenue,

            @Schema(description = "r⁺(P) > r⁺(P') > 0; amount r⁺(P) − r⁺(P').")
            Movement expansion,

            @Schema(description = "0 < r⁺(P) < r⁺(P'); amount r⁺(P') − r⁺(P).")
            Movement contraction,

            @Schema(description = "r⁺(P') > 0, r⁺(P) = 0; amount r⁺(P').")
            Movement churned,

            @Schema(description = "r⁺(P') = 0, r⁺(P) > 0, positive revenue before P'; amount r⁺(P).")
            Movement reactivated,

            @Schema(description = "r⁺(P) = r⁺(P') > 0; amount 0.")
            Movement unchanged) {}

    @Schema(name = "RevenueMovement", description = "How many customers moved this way, and by how much in total.")
    record Movement(
            @Schema(description = "Customers.") long customers,
            @Schema(description = "Amount.") BigDecimal amount) {}
}
