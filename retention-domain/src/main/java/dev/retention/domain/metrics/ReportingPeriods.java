package dev.retention.domain.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Consecutive periods of one granularity, with boundaries at local midnight in the reporting zone. The first period
 * is the one that contains {@code from}; periods follow while they start before {@code to}.
 */
public record ReportingPeriods(Granularity granularity, ZoneId zone, List<ReportingPeriod> periods) {

    public static final int MAX_PERIODS = 1_000;

    public ReportingPeriods {
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(zone, "zone");
        periods = List.copyOf(periods);
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("at least one period");
        }
    }

    /**
     * @throws IllegalArgumentException if {@code from} is not before {@code to} or there would be more than
     *     {@link #MAX_PERIODS} periods
     */
    public static ReportingPeriods between(LocalDate from, LocalDate to, Granularity granularity, ZoneId zone) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        List<ReportingPeriod> periods = new ArrayList<>();
        LocalDate start = granularity.periodStart(from);
        while (start.isBefore(to)) {
            if (periods.size() == MAX_PERIODS) {
                throw new IllegalArgumentException("more than " + MAX_PERIODS + " periods");
            }
            LocalDate end = granularity.next(start);
            periods.add(new ReportingPeriod(start, end, midnight(start, zone), midnight(end, zone)));
            start = end;
        }
        return new ReportingPeriods(granularity, zone, periods);
    }

    /** Local midnight; where a daylight-saving gap swallows midnight, the first instant of the day. */
    public static Instant midnight(LocalDate date, ZoneId zone) {
        return date.atStartOfDay(zone).toInstant();
    }

    public int size() {
        return periods.size();
    }

    public ReportingPeriod get(int index) {
        return periods.get(index);
    }

    /** The size() + 1 boundaries: the start of every period and the end of the last. */
    public List<Instant> boundaries() {
        List<Instant> boundaries = new ArrayList<>(periods.size() + 1);
        periods.forEach(period -> boundaries.add(period.start()));
        boundaries.add(periods.get(periods.size() - 1).end());
        return boundaries;
    }

    public Instant start() {
        return periods.get(0).start();
    }

    public Instant end() {
        return periods.get(periods.size() - 1).end();
    }
}
