package dev.retention.domain.event;

import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.shared.Money;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A stored event. {@code eventKey} is the client's idempotency key, unique per customer. {@code amount} is what the
 * client sent; {@code conversion} says what it is worth in the reporting currency when it was sent in another one.
 */
public record CustomerEvent(
        UUID id,
        CustomerId customerId,
        EventType type,
        Instant occurredAt,
        Money amount,
        Conversion conversion,
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

    /** The amount in the reporting currency, the one every figure adds up; null for events without an amount. */
    public Money reportingAmount() {
        return conversion == null ? amount : conversion.converted();
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
