package dev.retention.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Events collected for one post to the batch endpoint, each creating its customer by external id if needed, with a
 * key of its own. An amount is sent in EUR unless another currency is named.
 */
public final class BatchEvents {

    private final List<Map<String, Object>> events = new ArrayList<>();

    /** @param amount null for events that carry none */
    public void add(String externalId, String type, String occurredAt, String amount) {
        add(externalId, type, occurredAt, amount, "EUR");
    }

    public void add(String externalId, String type, String occurredAt, String amount, String currency) {
        Map<String, Object> event = new HashMap<>(Map.of(
                "externalId", externalId,
                "createCustomer", true,
                "type", type,
                "occurredAt", occurredAt,
                "eventKey", "e" + events.size()));
        if (amount != null) {
            event.put("amount", amount);
            event.put("currency", currency);
        }
        events.add(event);
    }

    /** The body of a post to /api/v1/events:batch. */
    public Map<String, Object> body() {
        return Map.of("events", events);
    }
}
