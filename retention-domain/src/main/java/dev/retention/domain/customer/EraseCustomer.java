package dev.retention.domain.customer;

import dev.retention.domain.shared.ResourceNotFoundException;
import dev.retention.domain.shared.Instants;
import java.time.Clock;

/**
 * Erasure on request: name, email and attributes are wiped and the customer is marked erased. The external id,
 * segment and events stay, so that historic metrics do not change. Erasing twice is harmless.
 */
public class EraseCustomer {

    private final Customers customers;
    private final Clock clock;

    public EraseCustomer(Customers customers, Clock clock) {
        this.customers = customers;
        this.clock = clock;
    }

    public Customer erase(CustomerId id) {
        Customer current = customers.findById(id).orElseThrow(() -> new ResourceNotFoundException("Customer", id));
        if (current.isErased()) {
            return current;
        }
        return customers.update(current.erased(Instants.now(clock)))
                .orElseGet(() -> erase(id));
    }
}
