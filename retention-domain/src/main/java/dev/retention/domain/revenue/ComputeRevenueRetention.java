package dev.retention.domain.revenue;

import dev.retention.domain.metrics.ReportingPeriods;
import java.util.List;

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
        ReportingPeriods periods = query.periods();
        RevenueRetentionTally tally = new RevenueRetentionTally(periods, query.compareTo());
        histories.forEach(
                new RevenueHistories.Query(
                        periods.granularity(),
                        periods.zone(),
                        tally.firstComparedStart(),
                        periods.end(),
                        query.segment()),
                tally::add);
        return tally.figures();
    }
}
