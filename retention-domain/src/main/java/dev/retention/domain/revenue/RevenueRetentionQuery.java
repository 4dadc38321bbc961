package dev.retention.domain.revenue;

import dev.retention.domain.metrics.ReportingPeriods;
import java.util.Objects;

/** The periods to report, what each is compared with, and whose revenue counts (null segment: everybody's). */
public record RevenueRetentionQuery(ReportingPeriods periods, RevenueComparison compareTo, String segment) {

    public RevenueRetentionQuery {
        Objects.requireNonNull(periods, "periods");
        Objects.requireNonNull(compareTo, "compareTo");
    }
}
