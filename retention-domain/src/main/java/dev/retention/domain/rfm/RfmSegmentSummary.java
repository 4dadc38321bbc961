package dev.retention.domain.rfm;

import java.math.BigDecimal;

/** A segment's size, revenue and average scores. */
public record RfmSegmentSummary(
        RfmSegment segment,
        long customers,
        BigDecimal revenue,
        BigDecimal averageRecency,
        BigDecimal averageFrequency,
        BigDecimal averageMonetary) {}
