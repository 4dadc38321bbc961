package dev.retention.domain.loyalty;

import java.time.Instant;
import java.util.UUID;

/** A reward redeemed by a member under the client's idempotency key. */
public record Redemption(
        UUID id, UUID customerId, UUID rewardId, String idempotencyKey, long points, Instant redeemedAt) {}
