package dev.retention.domain.revenue;

import dev.retention.domain.metrics.Granularity;
import java.time.LocalDate;

/** Which period a period's revenue is compared with: the one before it, or the one a year earlier. */
public enum RevenueComparison {
    PREVIOUS,
    YEAR_AGO;

    /** The start of the period compared with the period that starts on {@code periodStart}. */
    public LocalDate comparedStart(LocalDate periodStart, Granularity granularity) {
        return switch (this) {
            case PREVIOUS -> granularity.periodStart(periodStart.minusDays(1));
            case YEAR_AGO -> granularity.periodStart(periodStart.minusYears(1));
        };
    }
}
