package dev.retention.api.revenue;

import dev.retention.api.shared.ReportingRange;
import dev.retention.api.shared.ReportingSettings;
import dev.retention.domain.metrics.Granularity;
import dev.retention.domain.metrics.ReportingPeriods;
import dev.retention.domain.revenue.RevenueComparison;
import dev.retention.domain.revenue.RevenueRetentionQuery;
import dev.retention.domain.shared.InvalidInputException;
import dev.retention.domain.shared.Violation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/** The query parameters of the revenue endpoint, checked all at once; each failure names its parameter. */
record RevenueParameters(
        @Parameter(
                description = "First day of the range; the period containing it is the first.",
                example = "2026-01-01",
                required = true)
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate from,

        @Parameter(
                description = "Day after the range; periods starting before it are included.",
                example = "2027-01-01",
                required = true)
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate to,

        @Parameter(description = "DAY, WEEK (ISO, Monday), MONTH, QUARTER or YEAR; default MONTH.")
        Granularity granularity,

        @Parameter(description = "Reporting time zone, such as Europe/Berlin; default from configuration (UTC).")
        String zone,

        @Parameter(description = "Only customers of this segment.")
        String segment,

        @Parameter(
                description = "PREVIOUS (default): each period against the one before, with movements; YEAR_AGO: "
                        + "against the period that contains the same day a year earlier, without movements.")
        RevenueComparison compareTo) {

    RevenueRetentionQuery toQuery(ReportingSettings defaults) {
        List<Violation> violations = new ArrayList<>();
        ReportingPeriods periods = ReportingRange.periods(
                from, to, granularity == null ? Granularity.MONTH : granularity, zone, defaults.zone(), violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new RevenueRetentionQuery(
                periods,
                compareTo == null ? RevenueComparison.PREVIOUS : compareTo,
                segment == null || segment.isBlank() ? null : segment.trim());
    }
}
