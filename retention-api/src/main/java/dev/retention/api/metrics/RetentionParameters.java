package dev.retention.api.metrics;

import dev.retention.api.shared.ReportingRange;
import dev.retention.api.shared.ReportingSettings;
import dev.retention.domain.metrics.ChurnModel;
import dev.retention.domain.metrics.Granularity;
import dev.retention.domain.metrics.Membership;
import dev.retention.domain.metrics.ReportingPeriods;
import dev.retention.domain.metrics.RetentionQuery;
import dev.retention.domain.metrics.Valuation;
import dev.retention.domain.shared.InvalidInputException;
import dev.retention.domain.shared.Violation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The query parameters shared by the metrics endpoints, bound from the query string and checked all at once; each
 * failure names its parameter.
 */
record RetentionParameters(
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
                description = "MEMBER: in each period, only customers who enrolled in the loyalty programme before "
                        + "the period started; NON_MEMBER: only the others; absent: both. Cohorts take the group at the start "
                        + "of the period after the acquisition period.")
        Membership loyalty,

        @Parameter(description = "CONTRACTUAL or INACTIVITY; default from configuration.")
        ChurnModel churnModel,

        @Parameter(
                description = "INACTIVITY window W in days, 1 to 3650; default 90.",
                schema =
                        @Schema(
                                type = "integer",
                                format = "int32",
                                minimum = "1",
                                maximum = "" + RetentionParameters.MAX_INACTIVITY_DAYS))
        Integer inactivityDays) {

    static final int MAX_INACTIVITY_DAYS = 3650;

    RetentionQuery toQuery(ReportingSettings defaults) {
        return toQuery(defaults, null, null);
    }

    RetentionQuery toQuery(ReportingSettings defaults, BigDecimal margin, BigDecimal discountRate) {
        List<Violation> violations = new ArrayList<>();
        ReportingPeriods periods =
                ReportingRange.periods(from, to, granularityOrDefault(), zone, defaults.zone(), violations);
        int days = inactivityDays == null ? defaults.inactivityDays() : inactivityDays;
        if (days < 1 || days > MAX_INACTIVITY_DAYS) {
            violations.add(new Violation("inactivityDays", "must be between 1 and " + MAX_INACTIVITY_DAYS));
        }
        BigDecimal marginValue = margin == null ? BigDecimal.ONE : margin;
        if (marginValue.signum() < 0 || marginValue.compareTo(BigDecimal.ONE) > 0) {
            violations.add(new Violation("margin", "must lie between 0 and 1"));
        }
        BigDecimal discount = discountRate == null ? BigDecimal.ZERO : discountRate;
        if (discount.signum() < 0 || discount.compareTo(BigDecimal.ONE) >= 0) {
            violations.add(new Violation("discountRate", "must be at least 0 and below 1"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new RetentionQuery(
                periods,
                churnModel == null ? defaults.churnModel() : churnModel,
                Duration.ofDays(days),
                defaults.activityTypes(),
                segment == null || segment.isBlank() ? null : segment,
                loyalty,
                new Valuation(marginValue, discount));
    }

    Granularity granularityOrDefault() {
        return granularity == null ? Granularity.MONTH : granularity;
    }
}
