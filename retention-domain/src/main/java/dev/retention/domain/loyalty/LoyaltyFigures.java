package dev.retention.domain.loyalty;

import dev.retention.domain.metrics.ReportingPeriods;
import java.util.List;
import java.util.Map;

/** Counts over the loyalty accounts and their ledger. */
public interface LoyaltyFigures {

    /** Members by the tier they hold now. */
    Map<String, Long> membersByTier();

    /** The points that moved in each period, by when their ledger entry took effect; one flow per period. */
    List<PointsFlow> perPeriod(ReportingPeriods periods);
}
