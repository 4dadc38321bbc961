package dev.retention.domain.revenue;

import dev.retention.domain.metrics.ReportingPeriods;
import java.time.LocalDate;
import java.util.List;

/**
 * Net and gross MRR retention, MRR movements and the quick ratio per period: the figures of
 * {@link ComputeRevenueRetention} with r(c, P) = MRR(c) at the end of P, so that movements compare MRR at the two
 * boundaries of each period.
 */
public class ComputeMrrRetention {

    private final SubscriptionHistories histories;

    public ComputeMrrRetention(SubscriptionHistories histories) {
        this.histories = histories;
    }

    public List<RevenuePeriodFigures> compute(RevenueRetentionQuery query) {
        ReportingPeriods periods = query.periods();
        LocalDate firstCompared = query.firstComparedStart();
        RevenueRetentionTally tally = new RevenueRetentionTally(periods, query.compareTo());
        histories.forEach(
                periods.end(),
                query.segment(),
                subscriptions -> tally.add(
                        subscriptions.mrrHistory(periods.granularity(), periods.zone(), firstCompared, periods.end())));
        return tally.figures();
    }
}
