package dev.retention.domain.loyalty;

import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

/** Points earned (or added) at one time, which expire together; {@code remaining} is what is left of them. */
public record PointsLot(UUID id, UUID customerId, Instant earnedAt, Instant expiresAt, long points, long remaining) {

    /** Spending and clawbacks take the lots that expire first, then the oldest; lots that never expire last. */
    public static final Comparator<PointsLot> SPENDING_ORDER = Comparator.comparing(
                    PointsLot::expiresAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(PointsLot::earnedAt)
            .thenComparing(PointsLot::id);

    public PointsLot withRemaining(long value) {
        return new PointsLot(id, customerId, earnedAt, expiresAt, points, value);
    }
}
