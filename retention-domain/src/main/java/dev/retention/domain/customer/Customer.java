package dev.retention.domain.customer;

import dev.retention.domain.shared.Instants;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A customer as the CRM knows it. {@code acquiredAt} is null until it is given or the first event arrives; an
 * erased customer keeps its id, external id and events but no personal data.
 */
public record Customer(
        CustomerId id,
        String externalId,
        String name,
        String email,
        String segment,
        Instant acquiredAt,
        Map<String, String> attributes,
        Instant createdAt,
        Instant updatedAt,
        Instant erasedAt,
        long version) {

    public Customer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(externalId, "externalId");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** A customer registered now from what the client gave: version 0, not erased, acquired when the client says. */
    public static Customer register(CustomerId id, NewCustomer details, Instant now) {
        return new Customer(
                id,
                details.externalId(),
                details.name(),
                details.email(),
                details.segment(),
                Instants.stored(details.acquiredAt()),
                details.attributes(),
                now,
                now,
                null,
                0);
    }

    public boolean isErased() {
        return erasedAt != null;
    }

    public Customer withDetails(
            String newName, String newEmail, String newSegment, Map<String, String> newAttributes, Instant now) {
        return new Customer(
                id,
                externalId,
                newName,
                newEmail,
                newSegment,
                acquiredAt,
                newAttributes,
                createdAt,
                now,
                erasedAt,
                version);
    }

    public Customer acquiredAt(Instant acquired) {
        return new Customer(
                id, externalId, name, email, segment, acquired, attributes, createdAt, updatedAt, erasedAt, version);
    }

    public Customer erased(Instant now) {
        return new Customer(id, externalId, null, null, segment, acquiredAt, Map.of(), createdAt, now, now, version);
    }
}
