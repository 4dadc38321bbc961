package dev.retention.domain.loyalty;

import dev.retention.domain.metrics.ReportingPeriods;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tier sizes and the points issued, spent and expired per period. */
public class SummariseLoyalty {

    private final LoyaltyStore store;
    private final LoyaltyFigures figures;

    public SummariseLoyalty(LoyaltyStore store, LoyaltyFigures figures) {
        this.store = store;
        this.figures = figures;
    }

    public LoyaltySummary summarise(ReportingPeriods periods) {
        Map<String, Long> byTier = new LinkedHashMap<>(figures.membersByTier());
        List<LoyaltySummary.TierSize> tiers = new ArrayList<>();
        store.programme()
                .latest()
                .ifPresent(version -> version.tiers()
                        .forEach(tier -> tiers.add(
                                new LoyaltySummary.TierSize(tier.name(), byTier.getOrDefault(tier.name(), 0L)))));
        tiers.forEach(size -> byTier.remove(size.tier()));
        byTier.forEach((tier, members) -> tiers.add(new LoyaltySummary.TierSize(tier, members)));
        List<PointsFlow> flows = figures.perPeriod(periods);
        PointsFlow total = flows.stream().reduce(PointsFlow.NONE, PointsFlow::plus);
        long members =
                tiers.stream().mapToLong(LoyaltySummary.TierSize::members).sum();
        return new LoyaltySummary(members, tiers, flows, total);
    }
}
