package dev.retention.domain.metrics;

import java.util.List;

/** Figures per period, in order, and for the whole range. */
public record RetentionReport(List<RetentionFigures> periods, RetentionFigures totals) {

    public RetentionReport {
        periods = List.copyOf(periods);
    }
}
