package dev.retention.domain.revenue;

import dev.retention.domain.metrics.ReportingPeriods;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Net and gross revenue retention, revenue movements and the quick ratio per period; the formulas are those of
 * {@link RevenuePeriodFigures} and {@link RevenueMovement}.
 */
public class ComputeRevenueRetention {

    private final RevenueHistories histories;

    public ComputeRevenueRetention(RevenueHistories histories) {
        this.histories = histories;
    }

    public List<RevenuePeriodFigures> compute(RevenueRetentionQuery query) {
        RevenueRetentionTally tally = new RevenueRetentionTally(query.periods(), query.compareTo());
        histories.forEach(historiesOf(query), tally::add);
        return tally.figures();
    }

    /**
     * The same figures per segment, in the order of the segments' names; customers without a segment under the null
     * key, last. Sums over customers (revenue, base, retained revenue, movements) add up to the overall figures.
     */
    public Map<String, List<RevenuePeriodFigures>> bySegment(RevenueRetentionQuery query) {
        Map<String, RevenueRetentionTally> tallies = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        histories.forEach(
                historiesOf(query),
                history -> tallies.computeIfAbsent(
                                history.segment(),
                                segment -> new RevenueRetentionTally(query.periods(), query.compareTo()))
                        .add(history));
        Map<String, List<RevenuePeriodFigures>> figures = new LinkedHashMap<>();
        tallies.forEach((segment, tally) -> figures.put(segment, tally.figures()));
        return figures;
    }

    /** Every period from the one the first period is compared with; the rest compare with later ones. */
    private static RevenueHistories.Query historiesOf(RevenueRetentionQuery query) {
        ReportingPeriods periods = query.periods();
        return new RevenueHistories.Query(
                periods.granularity(), periods.zone(), query.firstComparedStart(), periods.end(), query.segment());
    }
}
