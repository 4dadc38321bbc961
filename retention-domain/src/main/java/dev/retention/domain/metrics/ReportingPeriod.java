package dev.retention.domain.metrics;

import java.time.Instant;
import java.time.LocalDate;

/** One period [start, end): local dates in the reporting zone and the instants of their midnights. */
public record ReportingPeriod(LocalDate startDate, LocalDate endDate, Instant start, Instant end) {

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }
}
