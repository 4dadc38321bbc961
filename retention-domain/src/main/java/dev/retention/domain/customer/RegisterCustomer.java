package dev.retention.domain.customer;

import dev.retention.domain.shared.ConflictException;
import dev.retention.domain.shared.Instants;
import dev.retention.domain.shared.InvalidInputException;
import dev.retention.domain.shared.Violation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Registers a customer under the CRM's external id, which must not be taken yet. */
public class RegisterCustomer {

    private final Customers customers;
    private final Clock clock;

    public RegisterCustomer(Customers customers, Clock clock) {
        this.customers = customers;
        this.clock = clock;
    }

    public Customer register(NewCustomer request) {
        List<Violation> violations = CustomerRules.checkNew(request);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Instant now = Instants.now(clock);
        Customer customer = Customer.register(CustomerId.random(), request, now);
        if (!customers.add(customer)) {
            throw new ConflictException(
                    "external-id-taken", "A customer with externalId '" + request.externalId() + "' already exists");
        }
        return customer;
    }

    /**
     * Registers customers at once, leaving those whose external id is taken (or repeated in the list) as they are;
     * returns how many it registered.
     */
    public int registerAll(List<NewCustomer> requests) {
        List<Violation> violations = new java.util.ArrayList<>();
        requests.forEach(request -> violations.addAll(CustomerRules.checkNew(request)));
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Instant now = Instants.now(clock);
        return customers.addAll(requests.stream()
                .map(request -> Customer.register(CustomerId.random(), request, now))
                .toList());
    }
}
