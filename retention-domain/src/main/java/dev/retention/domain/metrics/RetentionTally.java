package dev.retention.domain.metrics;

import dev.retention.domain.shared.Decimals;
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
 * customers, spells and periods. With a {@link Membership}, a customer counts only in the periods where it belongs
 * to that group (all figures of a period, S and E alike, over the same customers), and in the totals when it belongs
 * to the group of the first period.
 */
public final class RetentionTally {

    private final ReportingPeriods periods;
    private final Membership membership;
    private final Instant[] boundaries;
    private final long[] startDelta;
    private final long[] endDelta;
    private final long[] retainedDelta;
    private final long[] newCustomers;
    private final long[] reactivated;
    private long endOfRange;
    private long newInRange;
    private long retainedOverRange;
    private long reactivatedOverRange;

    public RetentionTally(ReportingPeriods periods) {
        this(periods, null);
    }

    /** @param membership the group to count, or null for every customer */
    public RetentionTally(ReportingPeriods periods, Membership membership) {
        this.periods = periods;
        this.membership = membership;
        this.boundaries = periods.boundaries().toArray(Instant[]::new);
        int n = periods.size();
        this.startDelta = new long[n + 1];
        this.endDelta = new long[n + 1];
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
        int firstMemberPeriod = firstMemberPeriod(lifecycle.memberSince());
        int lo = membership == Membership.MEMBER ? firstMemberPeriod : 0;
        int hi = membership == Membership.NON_MEMBER ? firstMemberPeriod : n;
        if (lo >= hi) {
            return;
        }
        int acquiredIn = periodOf(lifecycle.acquiredAt());
        if (acquiredIn >= lo && acquiredIn < hi) {
            newCustomers[acquiredIn] += customers;
        }
        List<int[]> ranges = activeRanges(lifecycle);
        for (int[] range : ranges) {
            int first = range[0];
            int last = range[1];
            addOver(startDelta, Math.max(first, lo), Math.min(last, hi - 1), customers);
            addOver(endDelta, Math.max(first - 1, lo), Math.min(last - 1, hi - 1), customers);
            addOver(retainedDelta, Math.max(first, lo), Math.min(last - 1, hi - 1), customers);
            if (first > 0 && first - 1 != acquiredIn && first - 1 >= lo && first - 1 < hi) {
                reactivated[first - 1] += customers;
            }
        }
        if (lo > 0) {
            return;
        }
        if (acquiredIn >= 0) {
            newInRange += customers;
        }
        boolean activeAtStart = !ranges.isEmpty() && ranges.get(0)[0] == 0;
        boolean activeAtEnd = !ranges.isEmpty() && ranges.get(ranges.size() - 1)[1] == n;
        if (activeAtEnd) {
            endOfRange += customers;
        }
        if (activeAtStart && activeAtEnd) {
            retainedOverRange += customers;
        } else if (activeAtEnd && acquiredIn < 0) {
            reactivatedOverRange += customers;
        }
    }

    /** Adds {@code customers} to the periods from..to (inclusive) of a difference array. */
    private static void addOver(long[] delta, int from, int to, long customers) {
        if (from <= to) {
            delta[from] += customers;
            delta[to + 1] -= customers;
        }
    }

    /**
     * The first period in which a customer enrolled at {@code memberSince} is a member (periods.size() if none);
     * membership only grows, so it is a member in every period from there on.
     */
    private int firstMemberPeriod(Instant memberSince) {
        int low = 0;
        int high = periods.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (Membership.MEMBER.includes(memberSince, boundaries[middle])) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
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
        List<RetentionFigures> rows = new ArrayList<>(n);
        long start = 0;
        long end = 0;
        long retained = 0;
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            start += startDelta[i];
            end += endDelta[i];
            retained += retainedDelta[i];
            ReportingPeriod period = periods.get(i);
            rows.add(figures(
                    period.startDate(),
                    period.endDate(),
                    period.start(),
                    period.end(),
                    !period.end().isAfter(now),
                    start,
                    end,
                    newCustomers[i],
                    retained,
                    reactivated[i],
                    revenue.get(i),
                    valuation));
            total = total.add(revenue.get(i));
        }
        RetentionFigures totals = figures(
                periods.get(0).startDate(),
                periods.get(n - 1).endDate(),
                periods.start(),
                periods.end(),
                !periods.end().isAfter(now),
                startDelta[0],
                endOfRange,
                newInRange,
                retainedOverRange,
                reactivatedOverRange,
                total,
                valuation);
        return new RetentionReport(rows, withoutClv(totals));
    }

    private static RetentionFigures figures(
            java.time.LocalDate startDate,
            java.time.LocalDate endDate,
            Instant start,
            Instant end,
            boolean complete,
            long s,
            long e,
            long newCount,
            long retained,
            long reactivated,
            BigDecimal revenue,
            Valuation valuation) {
        long churned = s - retained;
        BigDecimal arpu = RetentionFormulas.arpu(revenue, s, e);
        Map<String, String> undefined = new HashMap<>();
        RetentionFormulas.explain(undefined, s, e, churned, valuation);
        return new RetentionFigures(
                startDate,
                endDate,
                start,
                end,
                complete,
                s,
                e,
                newCount,
                retained,
                churned,
                reactivated,
                Decimals.percent(e - newCount, s),
                Decimals.percent(churned, s),
                Decimals.percent(retained, s),
                Decimals.rounded(revenue),
                Decimals.rounded(arpu),
                Decimals.rounded(RetentionFormulas.clv(arpu, s, churned, valuation)),
                undefined);
    }

    /** Lifetime value assumes one period length; over a range of several periods it is left to the periods. */
    private static RetentionFigures withoutClv(RetentionFigures totals) {
        Map<String, String> undefined = new HashMap<>(totals.undefined());
        undefined.put("clv", "lifetime value is defined per period; see the periods");
        return new RetentionFigures(
                totals.startDate(),
                totals.endDate(),
                totals.start(),
                totals.end(),
                totals.complete(),
                totals.startCustomers(),
                totals.endCustomers(),
                totals.newCustomers(),
                totals.retained(),
                totals.churned(),
                totals.reactivated(),
                totals.crr(),
                totals.churnRate(),
                totals.strictRetentionRate(),
                totals.revenue(),
                totals.arpu(),
                null,
                undefined);
    }
}
