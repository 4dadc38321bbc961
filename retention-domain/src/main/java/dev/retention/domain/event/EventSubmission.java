package dev.retention.domain.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** An event as a client sends it, before any check. */
public record EventSubmission(
        CustomerReference customer,
        EventType type,
        Instant occurredAt,
        BigDecimal amount,
        String currency,
        String productId,
        Map<String, Object> properties,
        String eventKey) {

    public EventSubmission {
        properties = properties == null ? Map.of() : properties;
    }
}
