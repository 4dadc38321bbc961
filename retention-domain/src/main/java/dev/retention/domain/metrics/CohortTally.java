package dev.retention.domain.metrics;

import dev.retention.domain.shared.Decimals;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Counts cohorts in one pass: a customer belongs to the cohort of the period of its first acquisition, and counts
 * at offset k if active at the end of period cohort + k. With a {@link Membership}, a customer's group is the one it
 * belongs to in the period after its acquisition period (enrolled before that period starts), fixed for the whole
 * row, so that no offset depends on an enrolment that came after it.
 */
public final class CohortTally {

    private final ReportingPeriods periods;
    private final Membership membership;
    private final Instant[] boundaries;
    private final int maxOffset;
    private final long[] sizes;
    private final long[][] active;

    public CohortTally(ReportingPeriods periods, int maxOffset) {
        this(periods, maxOffset, null);
    }

    /** @param membership the group to count, or null for every customer */
    public CohortTally(ReportingPeriods periods, int maxOffset, Membership membership) {
        this.periods = periods;
        this.membership = membership;
        this.boundaries = periods.boundaries().toArray(Instant[]::new);
        this.maxOffset = Math.min(maxOffset, periods.size() - 1);
        this.sizes = new long[periods.size()];
        this.active = new long[periods.size()][this.maxOffset + 1];
    }

    public void add(Lifecycle lifecycle) {
        add(lifecycle, 1);
    }

    /** Counts {@code customers} customers that share this lifecycle. */
    public void add(Lifecycle lifecycle, long customers) {
        int cohort = periodOf(lifecycle.acquiredAt());
        if (cohort < 0
                || (membership != null && !membership.includes(lifecycle.memberSince(), boundaries[cohort + 1]))) {
            return;
        }
        sizes[cohort] += customers;
        for (int k = 0; k <= maxOffset && cohort + k < periods.size(); k++) {
            if (lifecycle.activeAt(boundaries[cohort + k + 1])) {
                active[cohort][k] += customers;
            }
        }
    }

    /** The period that contains {@code instant}, or -1 outside the range. */
    private int periodOf(Instant instant) {
        int index = Arrays.binarySearch(boundaries, instant);
        int lastAtOrBefore = index >= 0 ? index : -index - 2;
        return lastAtOrBefore >= 0 && lastAtOrBefore < periods.size() ? lastAtOrBefore : -1;
    }

    /**
     * @param revenueByCohort for each cohort index, the revenue of its customers in each period of the range
     */
    public List<Cohort> report(Map<Integer, List<BigDecimal>> revenueByCohort) {
        List<Cohort> cohorts = new ArrayList<>();
        for (int c = 0; c < periods.size(); c++) {
            List<BigDecimal> revenue = revenueByCohort.get(c);
            List<CohortCell> cells = new ArrayList<>();
            BigDecimal cumulative = BigDecimal.ZERO;
            BigDecimal firstRevenue = revenue == null ? BigDecimal.ZERO : revenue.get(c);
            for (int k = 0; k <= maxOffset && c + k < periods.size(); k++) {
                BigDecimal periodRevenue = revenue == null ? BigDecimal.ZERO : revenue.get(c + k);
                cumulative = cumulative.add(periodRevenue);
                BigDecimal perCustomer = sizes[c] == 0
                        ? null
                        : Decimals.rounded(cumulative.divide(BigDecimal.valueOf(sizes[c]), MathContext.DECIMAL128));
                cells.add(new CohortCell(
                        k,
                        periods.get(c + k).startDate(),
                        active[c][k],
                        Decimals.percent(active[c][k], sizes[c]),
                        Decimals.rounded(periodRevenue),
                        firstRevenue.signum() > 0 ? Decimals.percent(periodRevenue, firstRevenue) : null,
                        perCustomer));
            }
            cohorts.add(new Cohort(periods.get(c).startDate(), sizes[c], cells));
        }
        return cohorts;
    }

    /** One cohort: its first period, its size and its row of the matrix. */
    public record Cohort(java.time.LocalDate periodStart, long size, List<CohortCell> offsets) {

        public Cohort {
            offsets = List.copyOf(offsets);
        }
    }

    /**
     * One cell: customers of the cohort active at the end of period cohort + offset, their share in percent (null
     * for an empty cohort), the cohort's revenue in that period and its share of the cohort's revenue in its own
     * period (the net revenue retention curve; null when that was not positive), and the cumulative revenue per cohort
     * customer up to that period.
     */
    public record CohortCell(
            int offset,
            java.time.LocalDate periodStart,
            long active,
            BigDecimal retentionRate,
            BigDecimal revenue,
            BigDecimal revenueRetention,
            BigDecimal cumulativeRevenuePerCustomer) {}
}
