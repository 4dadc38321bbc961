package dev.retention.domain.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * An event as a client sends it, before any check. A purchase or refund may list its order lines; without an
 * amount, its amount is then the sum of the lines.
 */
public record EventSubmission(
        CustomerReference customer,
        EventType type,
        Instant occurredAt,
        BigDecimal amount,
        String currency,
        String productId,
        Map<String, Object> properties,
        String eventKey,
        List<OrderLine> lines) {

    public EventSubmission {
        properties = properties == null ? Map.of() : properties;
        lines = lines == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(lines));
        if (amount == null) {
            amount = OrderLine.sum(lines);
        }
    }

    public EventSubmission(
            CustomerReference customer,
            EventType type,
            Instant occurredAt,
            BigDecimal amount,
            String currency,
            String productId,
            Map<String, Object> properties,
            String eventKey) {
        this(customer, type, occurredAt, amount, currency, productId, properties, eventKey, List.of());
    }
}
