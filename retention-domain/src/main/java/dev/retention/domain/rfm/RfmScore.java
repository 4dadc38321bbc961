package dev.retention.domain.rfm;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One customer's figures in the window (last purchase, number of purchases, purchases less refunds), its scores
 * 1 to 5 and its segment.
 */
public record RfmScore(
        UUID customerId,
        Instant lastPurchaseAt,
        long recencyDays,
        long frequency,
        BigDecimal monetary,
        int recencyScore,
        int frequencyScore,
        int monetaryScore,
        RfmSegment segment) {}
