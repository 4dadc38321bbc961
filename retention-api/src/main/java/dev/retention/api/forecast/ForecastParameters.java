package dev.retention.api.forecast;

import dev.retention.api.shared.ReportingRange;
import dev.retention.api.shared.ReportingSettings;
import dev.retention.domain.forecast.FitBy;
import dev.retention.domain.forecast.RetentionForecastQuery;
import dev.retention.domain.metrics.Granularity;
import dev.retention.domain.metrics.ReportingPeriods;
import dev.retention.domain.shared.InvalidInputException;
import dev.retention.domain.shared.Violation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/** The query parameters of the retention forecast, checked all at once; each failure names its parameter. */
record ForecastParameters(
        @Parameter(
                description = "First day of the acquisition cohorts; the period containing it is the first cohort.",
                example = "2025-01-01",
                required = true)
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate from,

        @Parameter(
                description = "Day after the cohorts: cohorts are the periods starting before it.",
                example = "2026-07-01",
                required = true)
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate to,

        @Parameter(description = "DAY, WEEK (ISO, Monday), MONTH, QUARTER or YEAR; default MONTH.")
        Granularity granularity,

        @Parameter(description = "Reporting time zone, such as Europe/Berlin; default from configuration (UTC).")
        String zone,

        @Parameter(
                description = "Observe up to the start of the period containing this day; default today, so that "
                        + "only complete periods count.",
                example = "2026-11-15")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate asOf,

        @Parameter(
                description = "POOLED (default): one fit for all cohorts; SEGMENT: one per customer segment; COHORT: "
                        + "one per acquisition cohort.")
        FitBy fitBy,

        @Parameter(description = "Only customers of this segment.")
        String segment,

        @Parameter(
                description = "Periods to project, 1 to 120; default 12.",
                example = "12",
                schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "120"))
        Integer horizon,

        @Parameter(
                description =
                        "Discount rate per period for the residual lifetime, above 0 and at most 1; default " + "0.01.",
                example = "0.01",
                schema = @Schema(type = "number", minimum = "0", exclusiveMinimum = true, maximum = "1"))
        BigDecimal discountRate,

        @Parameter(
                description = "Margin on each payment, above 0 and at most 1; default 1.",
                example = "0.8",
                schema = @Schema(type = "number", minimum = "0", exclusiveMinimum = true, maximum = "1"))
        BigDecimal margin,

        @Parameter(
                description = "What a customer pays per period, in the reporting currency; with it, each residual "
                        + "lifetime is also given as a value.",
                example = "29.00",
                schema = @Schema(type = "number", minimum = "0"))
        BigDecimal paymentPerPeriod) {

    RetentionForecastQuery toQuery(ReportingSettings defaults, Clock clock) {
        List<Violation> violations = new ArrayList<>();
        Granularity unit = granularity == null ? Granularity.MONTH : granularity;
        ReportingPeriods cohorts = ReportingRange.periods(from, to, unit, zone, defaults.zone(), violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new RetentionForecastQuery(
                unit,
                cohorts.zone(),
                from,
                to,
                asOf == null ? LocalDate.now(clock.withZone(cohorts.zone())) : asOf,
                fitBy == null ? FitBy.POOLED : fitBy,
                segment == null || segment.isBlank() ? null : segment.trim(),
                horizon == null ? 12 : horizon,
                discountRate == null ? new BigDecimal("0.01") : discountRate,
                margin == null ? BigDecimal.ONE : margin,
                paymentPerPeriod);
    }
}
