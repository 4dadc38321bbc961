package dev.retention.domain.customer;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON merge patch (RFC 7396) of a customer's details. For each field: absent leaves it as it is, a value sets it,
 * null clears it. {@code attributes} is merged key by key: a null value removes that key, and clearing all
 * attributes removes every key.
 */
public record CustomerChanges(
        Optional<Optional<String>> name,
        Optional<Optional<String>> email,
        Optional<Optional<String>> segment,
        boolean clearAttributes,
        Map<String, String> attributeChanges,
        Optional<Long> expectedVersion) {

    public CustomerChanges {
        attributeChanges = attributeChanges == null ? Map.of() : new LinkedHashMap<>(attributeChanges);
    }

    public static CustomerChanges none() {
        return new CustomerChanges(
                Optional.empty(), Optional.empty(), Optional.empty(), false, Map.of(), Optional.empty());
    }

    public Customer applyTo(Customer customer, Instant now) {
        Map<String, String> attributes = clearAttributes ? new HashMap<>() : new HashMap<>(customer.attributes());
        attributeChanges.forEach((key, value) -> {
            if (value == null) {
                attributes.remove(key);
            } else {
                attributes.put(key, value);
            }
        });
        return customer.withDetails(
                merge(name, customer.name()),
                merge(email, customer.email()),
                merge(segment, customer.segment()),
                attributes,
                now);
    }

    private static String merge(Optional<Optional<String>> change, String current) {
        return change.isPresent() ? change.get().orElse(null) : current;
    }
}
