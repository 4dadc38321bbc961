package dev.retention.api.metrics;

import dev.retention.api.shared.CsvExport;
import dev.retention.domain.metrics.ChurnModel;
import dev.retention.domain.metrics.Granularity;
import dev.retention.domain.revenue.RevenuePeriodFigures;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

@Schema(description = "What a dashboard tile shows: the latest complete period and its change against the one before.")
@CsvExport
record SummaryResponse(
        @Schema(description = "Period length (configured default).")
        Granularity granularity,

        @Schema(description = "Reporting time zone (configured default).")
        String zone,

        @Schema(description = "Churn model (configured default).")
        ChurnModel churnModel,

        @Schema(description = "The latest complete period.") PeriodFiguresResponse latest,
        @Schema(description = "The period before it.") PeriodFiguresResponse previous,

        @Schema(description = "latest minus previous; rates in percentage points; null where either is null.")
        Change change,

        @Schema(description = "Revenue retention of the latest period against the one before, for all customers.")
        RevenueRetention revenueRetention,

        @Schema(description = "MRR at the end of the latest period and its retention, from subscriptions.")
        MrrRetention mrrRetention) {

    @Schema(
            name = "SummaryMrrRetention",
            description = "MRR at the end of the latest period against its start (the end of the previous period), "
                    + "as /api/v1/metrics/mrr reports it.")
    record MrrRetention(
            @Schema(description = "MRR at the end of the latest period.")
            BigDecimal mrr,

            @Schema(description = "mrr minus MRR at the end of the previous period.")
            BigDecimal mrrChange,

            @Schema(description = "Customers with positive MRR at the end of the latest period.")
            long subscribers,

            @Schema(description = "Net MRR retention in percent; absent without MRR at the start.") @Nullable
            BigDecimal nrr,

            @Schema(description = "Gross MRR retention in percent; absent without MRR at the start.") @Nullable
            BigDecimal grr,

            @Schema(description = "MRR quick ratio; absent when no MRR was lost.") @Nullable
            BigDecimal quickRatio) {

        static MrrRetention of(RevenuePeriodFigures latest) {
            return new MrrRetention(
                    latest.revenue(),
                    latest.revenue().subtract(latest.comparedPositiveRevenue()),
                    latest.positiveCustomers(),
                    latest.nrr(),
                    latest.grr(),
                    latest.quickRatio());
        }
    }

    @Schema(
            name = "SummaryRevenueRetention",
            description = "NRR, GRR and the quick ratio of the latest period against the period before (see "
                    + "/api/v1/metrics/revenue), and the change of NRR since the previous period.")
    record RevenueRetention(
            @Schema(description = "Net revenue retention in percent; absent without revenue to retain.") @Nullable
            BigDecimal nrr,

            @Schema(description = "Gross revenue retention in percent; absent without revenue to retain.") @Nullable
            BigDecimal grr,

            @Schema(
                    description = "(new + expansion + reactivated) / (contraction + churned); absent when nothing "
                            + "was lost.")
            @Nullable
            BigDecimal quickRatio,

            @Schema(description = "NRR of the latest period minus NRR of the previous one, in percentage points.")
            @Nullable
            BigDecimal nrrChange) {

        static RevenueRetention of(RevenuePeriodFigures latest, RevenuePeriodFigures previous) {
            return new RevenueRetention(
                    latest.nrr(), latest.grr(), latest.quickRatio(), Change.minus(latest.nrr(), previous.nrr()));
        }
    }

    @Schema(description = "Differences between the latest and the previous period.")
    record Change(
            @Schema(description = "Change of S.") long startCustomers,
            @Schema(description = "Change of E.") long endCustomers,
            @Schema(description = "Change of N.") long newCustomers,

            @Schema(description = "Change of churned customers.")
            long churned,

            @Schema(description = "Change of CRR in percentage points.") @Nullable
            BigDecimal crr,

            @Schema(description = "Change of the churn rate in percentage points.") @Nullable
            BigDecimal churnRate,

            @Schema(description = "Change of revenue.") BigDecimal revenue,

            @Schema(description = "Change of ARPU.") @Nullable
            BigDecimal arpu) {

        static Change between(PeriodFiguresResponse latest, PeriodFiguresResponse previous) {
            return new Change(
                    latest.startCustomers() - previous.startCustomers(),
                    latest.endCustomers() - previous.endCustomers(),
                    latest.newCustomers() - previous.newCustomers(),
                    latest.churned() - previous.churned(),
                    minus(latest.crr(), previous.crr()),
                    minus(latest.churnRate(), previous.churnRate()),
                    minus(latest.revenue(), previous.revenue()),
                    minus(latest.arpu(), previous.arpu()));
        }

        static BigDecimal minus(BigDecimal latest, BigDecimal previous) {
            return latest == null || previous == null ? null : latest.subtract(previous);
        }
    }
}
