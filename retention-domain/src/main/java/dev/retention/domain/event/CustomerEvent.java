package dev.retention.domain.event;

import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.shared.Money;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** A stored event. {@code eventKey} is the client's idempotency key, unique per customer. */
public record CustomerEvent(
        UUID id,
        CustomerId customerId,
        EventType type,
        Instant occurredAt,
        Money amount,
        String productId,
        Map<String, Object> properties,
        String eventKey,
        Instant recordedAt) {

    public CustomerEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(eventKey, "eventKey");
        properties = properties == null ? Map.of() : properties;
    }

    /** True when both describe the same happening, which makes a repeated post a harmless duplicate. */
    public boolean sameContentAs(CustomerEvent other) {
        return type == other.type
                && occurredAt.equals(other.occurredAt)
                && (amount == null ? other.amount == null : amount.sameValueAs(other.amount))
                && Objects.equals(productId, other.productId)
                && JsonValues.sameJson(properties, other.properties);
    }
}
