package dev.retention.domain.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Lots of loyalty points with points left that expire in a window. */
@FunctionalInterface
public interface ExpiringLots {

    /** Lots with points left expiring after {@code from} and up to {@code until}, soonest first, at most limit. */
    List<ExpiringLot> between(Instant from, Instant until, int limit);

    record ExpiringLot(
            UUID lotId, UUID customerId, String externalId, String segment, long points, Instant expiresAt) {}
}
