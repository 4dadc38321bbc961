package dev.retention.domain.revenue;

import dev.retention.domain.metrics.ReportingPeriods;
import java.time.LocalDate;
import java.util.Objects;

/** The periods to report, what each is compared with, and whose revenue counts (null segment: everybody's). */
public record RevenueRetentionQuery(ReportingPeriods periods, RevenueComparison compareTo, String segment) {

    public RevenueRetentionQuery {
        Objects.requireNonNull(periods, "periods");
        Objects.requireNonNull(compareTo, "compareTo");
    }

    /** The start of the period the first period is compared with: the earliest whose value the figures read. */
    public LocalDate firstComparedStart() {
        return compareTo.comparedStart(periods.get(0).startDate(), periods.granularity());
    }
}
