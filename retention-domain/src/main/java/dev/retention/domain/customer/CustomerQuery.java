package dev.retention.domain.customer;

import java.time.Instant;

/** Filters for listing customers; a null filter matches everything. {@code acquiredTo} is exclusive. */
public record CustomerQuery(String externalId, String segment, Instant acquiredFrom, Instant acquiredTo) {

    public static CustomerQuery all() {
        return new CustomerQuery(null, null, null, null);
    }
}
