package dev.retention.domain.event;

import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.customer.Customers;
import dev.retention.domain.shared.InvalidInputException;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import java.time.Instant;

/** Pages through one customer's events, oldest first. */
public class ReadEventHistory {

    private final Customers customers;
    private final CustomerEvents events;

    public ReadEventHistory(Customers customers, CustomerEvents events) {
        this.customers = customers;
        this.events = events;
    }

    /**
     * The customer's events with {@code from <= occurredAt < to} (either bound may be absent); not found when no
     * customer has the id.
     */
    public Page<CustomerEvent> of(CustomerId customerId, Instant from, Instant to, PageRequest page) {
        customers.existing(customerId);
        if (from != null && to != null && !from.isBefore(to)) {
            throw InvalidInputException.rule("to", "must be after from");
        }
        return events.history(customerId, from, to, page);
    }
}
