package dev.retention.domain.loyalty;

import java.time.Instant;
import java.util.UUID;

/**
 * A member's account. {@code balance} is the sum of its ledger; {@code lifetimePoints} the points earned less those
 * clawed back; {@code shortfall} the points refunds could not claw back because the balance was already spent.
 */
public record LoyaltyAccount(
        UUID customerId,
        Instant enrolledAt,
        long balance,
        long lifetimePoints,
        long shortfall,
        String tier,
        Instant tierSince) {

    public static LoyaltyAccount enrol(UUID customerId, Instant at, Tier entryTier) {
        return new LoyaltyAccount(customerId, at, 0, 0, 0, entryTier.name(), at);
    }
}
