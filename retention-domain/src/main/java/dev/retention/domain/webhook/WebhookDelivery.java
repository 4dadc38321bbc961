package dev.retention.domain.webhook;

import java.time.Instant;
import java.util.UUID;

/**
 * One message to one subscription and what became of it. {@code id} is the message's {@code webhook-id}: the same
 * on every attempt, so that receivers can drop repeats.
 */
public record WebhookDelivery(
        UUID id,
        UUID subscriptionId,
        UUID signalId,
        WebhookKind kind,
        String data,
        Instant raisedAt,
        Status status,
        int attempts,
        Instant nextAttemptAt,
        Instant lastAttemptAt,
        Integer lastStatusCode,
        String lastError,
        Instant deliveredAt) {

    public enum Status {
        PENDING,
        DELIVERED,
        FAILED
    }
}
