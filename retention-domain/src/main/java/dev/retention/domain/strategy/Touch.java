package dev.retention.domain.strategy;

import java.time.Instant;
import java.util.UUID;

/** The action reached a customer: it was sent, opened, or redeemed. */
public record Touch(UUID id, UUID strategyId, UUID customerId, Kind kind, Instant occurredAt, Instant recordedAt) {

    public enum Kind {
        SENT,
        OPENED,
        REDEEMED
    }
}
