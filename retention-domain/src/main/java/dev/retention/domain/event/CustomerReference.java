package dev.retention.domain.event;

import dev.retention.domain.customer.CustomerId;

/**
 * How an incoming event names its customer: by the service's id, by the CRM's external id, or both (then they must
 * agree). {@code createIfMissing} lets an unknown external id create the customer.
 */
public record CustomerReference(CustomerId id, String externalId, boolean createIfMissing) {

    public static CustomerReference byId(CustomerId id) {
        return new CustomerReference(id, null, false);
    }

    public static CustomerReference byExternalId(String externalId, boolean createIfMissing) {
        return new CustomerReference(null, externalId, createIfMissing);
    }
}
