package dev.retention.domain.event;

import dev.retention.domain.customer.CustomerId;

/** The identity of an event from the client's side: its customer and its idempotency key. */
public record EventKeyRef(CustomerId customerId, String eventKey) {

    public static EventKeyRef of(CustomerEvent event) {
        return new EventKeyRef(event.customerId(), event.eventKey());
    }
}
