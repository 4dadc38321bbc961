package dev.retention.domain.customer;

import dev.retention.domain.shared.ConflictException;
import dev.retention.domain.shared.Instants;
import dev.retention.domain.shared.InvalidInputException;
import dev.retention.domain.shared.StaleVersionException;
import dev.retention.domain.shared.Violation;
import java.time.Clock;
import java.util.List;

/** Applies a merge patch to a customer's details, guarded by optimistic locking. */
public class ChangeCustomer {

    private final Customers customers;
    private final Clock clock;

    public ChangeCustomer(Customers customers, Clock clock) {
        this.customers = customers;
        this.clock = clock;
    }

    public Customer change(CustomerId id, CustomerChanges changes) {
        Customer current = customers.existing(id);
        if (current.isErased()) {
            throw new ConflictException("customer-erased", "Customer " + id + " has been erased and cannot change");
        }
        if (changes.expectedVersion().isPresent() && changes.expectedVersion().get() != current.version()) {
            throw staleVersion(id);
        }
        Customer changed = changes.applyTo(current, Instants.now(clock));
        List<Violation> violations =
                CustomerRules.checkDetails(changed.name(), changed.email(), changed.segment(), changed.attributes());
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return customers.update(changed).orElseThrow(() -> staleVersion(id));
    }

    private static StaleVersionException staleVersion(CustomerId id) {
        return new StaleVersionException("Customer " + id + " was changed by someone else; read it again and retry");
    }
}
