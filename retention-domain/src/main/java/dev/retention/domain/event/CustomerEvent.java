package dev.retention.domain.event;

import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.shared.Money;
import java.time.Instant;
import java.util.List;
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
        Instant recordedAt,
        List<OrderLine> lines) {

    public CustomerEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(eventKey, "eventKey");
        properties = properties == null ? Map.of() : properties;
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public CustomerEvent(
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
        this(
                id,
                customerId,
                type,
                occurredAt,
                amount,
                conversion,
                productId,
                properties,
                eventKey,
                recordedAt,
                List.of());
    }

    /** The products of the event: its lines' products, or its one product; empty when it names none. */
    public List<String> products() {
        if (!lines.isEmpty()) {
            return lines.stream().map(OrderLine::productId).distinct().toList();
        }
        return productId == null ? List.of() : List.of(productId);
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
                && JsonValues.sameJson(properties, other.properties)
                && sameLines(other.lines);
    }

    private boolean sameLines(List<OrderLine> others) {
        if (lines.size() != others.size()) {
            return false;
        }
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).sameAs(others.get(i))) {
                return false;
            }
        }
        return true;
    }
}
