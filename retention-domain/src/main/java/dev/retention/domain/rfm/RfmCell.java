package dev.retention.domain.rfm;

import java.math.BigDecimal;

/**
 * One cell of the RFM grid: the customers with recency score R and frequency score F (so all in one segment), their
 * purchases less refunds, and the sum of their monetary scores (for the segment's average).
 */
public record RfmCell(
        int recencyScore,
        int frequencyScore,
        RfmSegment segment,
        long customers,
        BigDecimal revenue,
        long monetaryScoreSum) {

    static RfmCell empty(int recencyScore, int frequencyScore) {
        return new RfmCell(
                recencyScore, frequencyScore, RfmSegment.of(recencyScore, frequencyScore), 0, BigDecimal.ZERO, 0);
    }
}
