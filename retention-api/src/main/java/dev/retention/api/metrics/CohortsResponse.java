package dev.retention.api.metrics;

import dev.retention.api.shared.CsvExport;
import dev.retention.domain.metrics.ChurnModel;
import dev.retention.domain.metrics.Granularity;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

@Schema(description = "The cohort matrix: one row per acquisition cohort, one cell per offset.")
@CsvExport
record CohortsResponse(
        @Schema(description = "The segment covered; absent for all customers.") @Nullable
        String segment,

        @Schema(description = "Period length.") Granularity granularity,
        @Schema(description = "Reporting time zone.") String zone,
        @Schema(description = "Churn model.") ChurnModel churnModel,
        @Schema(description = "Cohorts in period order.") List<CohortRow> cohorts) {

    @Schema(description = "Customers whose first acquisition falls in one period.")
    record CohortRow(
            @Schema(description = "First day of the cohort's period.", example = "2026-01-01")
            LocalDate periodStart,

            @Schema(description = "Customers in the cohort.", example = "120")
            long size,

            @Schema(description = "Offsets 0..maxOffset within the range.")
            List<CohortCellRow> offsets) {}

    @Schema(description = "The cohort at the end of period cohort + offset.")
    record CohortCellRow(
            @Schema(description = "Periods after the cohort's period; 0 is its own period.")
            int offset,

            @Schema(description = "First day of period cohort + offset.")
            LocalDate periodStart,

            @Schema(description = "Customers of the cohort active at the end of that period.")
            long active,

            @Schema(description = "active / size * 100; null for an empty cohort.", example = "72.5000") @Nullable
            BigDecimal retentionRate,

            @Schema(
                    description = "Purchases less refunds of the cohort's customers in that period.",
                    example = "1840.5000")
            BigDecimal revenue,

            @Schema(
                    description = "revenue / the cohort's revenue in its own period (offset 0) * 100: the net "
                            + "revenue retention curve; absent when the revenue at offset 0 was not positive.",
                    example = "64.2000")
            @Nullable
            BigDecimal revenueRetention,

            @Schema(
                    description = "Revenue of the cohort's customers from its period to this one, divided by the "
                            + "cohort size: the lifetime-value curve.",
                    example = "84.1200")
            @Nullable
            BigDecimal cumulativeRevenuePerCustomer) {}
}
