package dev.retention.domain.event;

import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** All events of all customers. */
public interface CustomerEvents {

    /**
     * Inserts the events whose (customer, key) is not taken yet, in bulk; an event whose key exists is skipped, also
     * when a concurrent transaction stored it first. Returns the keys that were inserted.
     */
    Set<EventKeyRef> insertNew(List<CustomerEvent> events);

    /** The stored events with these keys. */
    Map<EventKeyRef, CustomerEvent> findByKeys(Collection<EventKeyRef> keys);

    /** A customer's events with {@code from <= occurredAt < to} (either bound may be null), oldest first. */
    Page<CustomerEvent> history(CustomerId customerId, Instant from, Instant to, PageRequest page);
}
