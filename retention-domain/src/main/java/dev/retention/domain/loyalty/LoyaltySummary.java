package dev.retention.domain.loyalty;

import java.util.List;

/**
 * The programme at a glance: members now, by tier (the current programme's tiers in their order, empty ones
 * included, then any tier members still hold from an earlier version), and the points that moved in each period.
 */
public record LoyaltySummary(long members, List<TierSize> tiers, List<PointsFlow> periods, PointsFlow total) {

    public LoyaltySummary {
        tiers = List.copyOf(tiers);
        periods = List.copyOf(periods);
    }

    public record TierSize(String tier, long members) {}
}
