package dev.retention.api.revenue;

import dev.retention.api.shared.CsvExport;
import dev.retention.domain.metrics.Granularity;
import dev.retention.domain.revenue.RevenueComparison;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

@Schema(
        name = "MrrReport",
        description = "Monthly recurring revenue and its retention per period, from SUBSCRIPTION events. Amounts in "
                + "the reporting currency.")
@CsvExport
record MrrReportResponse(
        @Schema(description = "The segment the figures are for; absent: all customers.") @Nullable
        String segment,

        @Schema(description = "Period length.") Granularity granularity,

        @Schema(description = "Reporting time zone.") String zone,

        @Schema(description = "What each period is compared with.")
        RevenueComparison compareTo,

        @Schema(description = "One entry per period, in order.")
        List<Period> periods) {

    @Schema(
            name = "MrrPeriod",
            description = "MRR at the end of period P against MRR at the end of its compared period P'.")
    record Period(
            @Schema(description = "First day of P.") LocalDate startDate,

            @Schema(description = "Day after P: MRR is taken at its local midnight.")
            LocalDate endDate,

            @Schema(description = "First day of P'.") LocalDate comparedStartDate,

            @Schema(description = "Σ MRR(c) at the end of P.")
            BigDecimal mrr,

            @Schema(description = "Customers with positive MRR at the end of P.")
            long subscribers,

            @Schema(description = "Σ MRR(c) at the end of P'.")
            BigDecimal comparedMrr,

            @Schema(description = "|B|: customers with positive MRR at the end of P'.")
            long baseCustomers,

            @Schema(description = "Σ over B of MRR at the end of P' (equals comparedMrr).")
            BigDecimal baseMrr,

            @Schema(description = "Σ over B of MRR at the end of P.")
            BigDecimal netRetainedMrr,

            @Schema(description = "Σ over B of min(MRR at the end of P, MRR at the end of P').")
            BigDecimal grossRetainedMrr,

            @Schema(description = "Net MRR retention in percent; absent when B is empty (see retentionNote).") @Nullable
            BigDecimal nrr,

            @Schema(description = "Gross MRR retention in percent, never above 100; absent when B is empty.") @Nullable
            BigDecimal grr,

            @Schema(description = "Why nrr and grr are absent; absent when they are not.") @Nullable
            String retentionNote,

            @Schema(description = "MRR movements from P' to P; absent unless compareTo is PREVIOUS.") @Nullable
            Movements movements,

            @Schema(
                    description = "(new + expansion + reactivated) / (contraction + churned); absent without "
                            + "movements or when no MRR was lost.")
            @Nullable
            BigDecimal quickRatio) {}

    @Schema(
            name = "MrrMovements",
            description = "Each customer with positive MRR at either boundary of P moves one way: mrr − comparedMrr "
                    + "= newMrr + expansion + reactivated − contraction − churned.")
    record Movements(
            @Schema(description = "No positive MRR before P, positive at its end; amount the MRR at the end.")
            RevenueReportResponse.Movement newMrr,

            @Schema(description = "MRR at the end above MRR at the start, both positive; amount the increase.")
            RevenueReportResponse.Movement expansion,

            @Schema(description = "MRR at the end below MRR at the start, both positive; amount the decrease.")
            RevenueReportResponse.Movement contraction,

            @Schema(description = "Positive MRR at the start, none at the end; amount the MRR at the start.")
            RevenueReportResponse.Movement churned,

            @Schema(
                    description = "No MRR at the start, positive at the end, and positive MRR at some moment before P "
                            + "(even between two boundaries); amount the MRR at the end.")
            RevenueReportResponse.Movement reactivated,

            @Schema(description = "The same positive MRR at both boundaries; amount 0.")
            RevenueReportResponse.Movement unchanged) {}
}
