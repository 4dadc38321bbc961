package dev.retention.api.metrics;

import dev.retention.api.shared.CsvExport;
import dev.retention.domain.metrics.ChurnModel;
import dev.retention.domain.metrics.Granularity;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

@Schema(description = "Retention figures per period and for the whole range, with the settings used.")
@CsvExport
record RetentionReportResponse(
        @Schema(description = "The segment the figures cover; absent for all customers.") @Nullable
        String segment,

        @Schema(description = "Period length.") Granularity granularity,

        @Schema(description = "Reporting time zone.", example = "Europe/Berlin")
        String zone,

        @Schema(description = "Churn model.") ChurnModel churnModel,

        @Schema(description = "INACTIVITY window in days (used with the INACTIVITY model).", example = "90")
        int inactivityDays,

        @Schema(description = "Gross margin used for CLV.", example = "1")
        BigDecimal margin,

        @Schema(description = "Discount rate per period used for CLV.", example = "0")
        BigDecimal discountRate,

        @Schema(description = "One entry per period, in order.")
        List<PeriodFiguresResponse> periods,

        @Schema(description = "The whole range as one period: S at its start, E at its end.")
        PeriodFiguresResponse totals) {}
