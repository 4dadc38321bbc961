package dev.retention.domain.strategy;

import dev.retention.domain.rfm.RfmSegment;
import java.util.Set;

/**
 * Who a strategy targets: customers in any of {@code rfmSegments} (scored over the 365 days before activation),
 * and of {@code customerSegment}, and on the at-risk list at activation; criteria left out do not restrict, and at
 * least one must be given.
 */
public record StrategyTarget(Set<RfmSegment> rfmSegments, String customerSegment, boolean atRisk) {

    public StrategyTarget {
        rfmSegments = rfmSegments == null ? Set.of() : Set.copyOf(rfmSegments);
    }

    public boolean isEmpty() {
        return rfmSegments.isEmpty() && customerSegment == null && !atRisk;
    }
}
