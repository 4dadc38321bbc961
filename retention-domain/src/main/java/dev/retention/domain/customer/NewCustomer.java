package dev.retention.domain.customer;

import java.time.Instant;
import java.util.Map;

/** What a client gives to register a customer; {@code externalId} is required, the rest optional. */
public record NewCustomer(
        String externalId,
        String name,
        String email,
        String segment,
        Instant acquiredAt,
        Map<String, String> attributes) {

    public NewCustomer {
        attributes = attributes == null ? Map.of() : attributes;
    }

    public static NewCustomer withExternalId(String externalId) {
        return new NewCustomer(externalId, null, null, null, null, Map.of());
    }
}
