package dev.retention.domain.metrics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts one group of customers over all periods in a single pass: each lifecycle is turned into the ranges of
 * boundaries at which the customer is active, and difference arrays add those ranges up, so the cost is linear in
 * customers, spells and periods.
 */
public final class RetentionTally {

    private final ReportingPeriods periods;
    private final Instant[] boundaries;
    private final long[] activeDelta;
    private final long[] retainedDelta;
    private final long[] newCustomers;
    private final long[] reactivated;
    private long newInRange;
    private long retainedOverRange;
    private long reactivatedOverRange;

    public RetentionTally(ReportingPeriods periods) {
        this.periods = periods;
        this.boundaries = periods.boundaries().toArray(Instant[]::new);
        int n = periods.size();
        this.activeDelta = new long[n + 2];
        this.retainedDelta = new long[n + 1];
        this.newCustomers = new long[n];
        this.reactivated = new long[n];
    }

    public void add(Lifecycle lifecycle) {
        add(lifecycle, 1);
    }

    /** Counts {@code customers} customers that share this lifecycle. */
    public void add(Lifecycle lifecycle, long customers) {
        int n = periods.size();
        int acquiredIn = periodOf(lifecycle.acquiredAt());
        if (acquiredIn >= 0) {
            newCustomers[acquiredIn] += customers;
            newInRange += customers;
        }
        List<int[]> ranges = activeRanges(lifecycle);
        for (int[] range : ranges) {
            activeDelta[range[0]] += customers;
            activeDelta[range[1] + 1] -= customers;
            retainedDelta[range[0]] += customers;
            retainedDelta[range[1]] -= customers;
            int firstBoundary = range[0];
            if (firstBoundary > 0 && firstBoundary - 1 != acquiredIn) {
                reactivated[firstBoundary - 1] += customers;
            }
        }
        boolean activeAtStart = !ranges.isEmpty() && ranges.get(0)[0] == 0;
        boolean activeAtEnd = !ranges.isEmpty() && ranges.get(ranges.size() - 1)[1] == n;
        if (activeAtStart && activeAtEnd) {
            retainedOverRange += customers;
        } else if (activeAtEnd && acquiredIn < 0) {
            reactivatedOverRange += customers;
        }
    }

    /**
     * The boundary indexes at which the customer is active, as ranges [first, last]; ranges that touch (one ends at
     * k, the next starts at k + 1) are joined, because the customer is then active at both ends of period k.
     */
    private List<int[]> activeRanges(Lifecycle lifecycle) {
        List<int[]> ranges = new ArrayList<>();
        for (Spell spell : lifecycle.spells()) {
            int first = firstBoundaryAfter(spell.from());
            int last = spell.until() == null ? boundaries.length - 1 : lastBoundaryAtOrBefore(spell.until());
            if (first > last) {
                continue;
            }
            int[] previous = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
            if (previous != null && previous[1] + 1 >= first) {
                previous[1] = Math.max(previous[1], last);
            } else {
                ranges.add(new int[] {first, last});
            }
        }
        return ranges;
    }

    /** The index of the first boundary strictly after {@code instant}, or boundaries.length if none. */
    private int firstBoundaryAfter(Instant instant) {
        int index = Arrays.binarySearch(boundaries, instant);
        return index >= 0 ? index + 1 : -index - 1;
    }

    /** The index of the last boundary at or before {@code instant}, or -1 if none. */
    private int lastBoundaryAtOrBefore(Instant instant) {
        int index = Arrays.binarySearch(boundaries, instant);
        return index >= 0 ? index : -index - 2;
    }

    /** The period that contains {@code instant}, or -1 outside the range. */
    private int periodOf(Instant instant) {
        int index = lastBoundaryAtOrBefore(instant);
        return index >= 0 && index < periods.size() ? index : -1;
    }

    /**
     * The figures per period and for the whole range.
     *
     * @param revenue revenue per period (purchases minus refunds), in period order
     */
    public RetentionReport report(List<BigDecimal> revenue, Valuation valuation, Instant now) {
        int n = periods.size();
        long[] active = new long[n + 1];
        long running = 0;
        for (int k = 0; k <= n; k++) {
            running += activeDelta[k];
            active[k] = running;
        }
        List<RetentionFigures> rows = new ArrayList<>(n);
        long retainedRunning = 0;
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            retainedRunning += retainedDelta[i];
            ReportingPeriod period = periods.get(i);
            rows.add(figures(period.startDate(), period.endDate(), period.start(), period.end(),
                    !period.end().isAfter(now), active[i], active[i + 1], newCustomers[i], retainedRunning,
                    reactivated[i], revenue.get(i), valuation));
            total = total.add(revenue.get(i));
        }
        RetentionFigures totals = figures(periods.get(0).startDate(), periods.get(n - 1).endDate(), periods.start(),
                periods.end(), !periods.end().isAfter(now), active[0], active[n], newInRange, retainedOverRange,
                reactivatedOverRange, total, valuation);
        return new RetentionReport(rows, withoutClv(totals));
    }

    private static RetentionFigures figures(java.time.LocalDate startDate, java.time.LocalDate endDate,
            Instant start, Instant end, boolean complete, long s, long e, long newCount, long retained,
            long reactivated, BigDecimal revenue, Valuation valuation) {
        long churned = s - retained;
        BigDecimal arpu = RetentionFormulas.arpu(revenue, s, e);
        Map<String, String> undefined = new HashMap<>();
        RetentionFormulas.explain(undefined, s, e, churned, valuation);
        return new RetentionFigures(startDate, endDate, start, end, complete, s, e, newCount, retained, churned,
                reactivated, RetentionFormulas.percent(e - newCount, s), RetentionFormulas.percent(churned, s),
                RetentionFormulas.percent(retained, s), RetentionFormulas.money(revenue),
                RetentionFormulas.money(arpu),
                RetentionFormulas.money(RetentionFormulas.clv(arpu, s, churned, valuation)), undefined);
    }

    /** Lifetime value assumes one period length; over a range of several periods it is left to the periods. */
    private static RetentionFigures withoutClv(RetentionFigures totals) {
        Map<String, String> undefined = new HashMap<>(totals.undefined());
        undefined.put("clv", "lifetime value is defined per period; see the periods");
        return new RetentionFigures(totals.startDate(), totals.endDate(), totals.start(), totals.end(),
                totals.complete(), totals.startCustomers(), totals.endCustomers(), totals.newCustomers(),
                totals.retained(), totals.churned(), totals.reactivated(), totals.crr(), totals.churnRate(),
                totals.strictRetentionRate(), totals.revenue(), totals.arpu(), null, undefined);
    }
}
