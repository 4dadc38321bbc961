package dev.retention.domain.customer;

import dev.retention.domain.security.Actor;
import dev.retention.domain.security.AuditEntry;
import dev.retention.domain.security.AuditLog;
import dev.retention.domain.shared.ConflictException;
import dev.retention.domain.shared.Instants;
import dev.retention.domain.shared.UnitOfWork;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Erasure on request: name, email and attributes are wiped and the customer is marked erased. The external id,
 * segment and events stay, so that historic metrics do not change. The erasure is audited; erasing twice is
 * harmless.
 */
public class EraseCustomer {

    private final Customers customers;
    private final AuditLog audit;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public EraseCustomer(Customers customers, AuditLog audit, UnitOfWork unitOfWork, Clock clock) {
        this.customers = customers;
        this.audit = audit;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    public Customer erase(CustomerId id, Actor actor) {
        return unitOfWork.inTransaction(() -> {
            Customer current = customers.existing(id);
            if (current.isErased()) {
                return current;
            }
            Instant now = Instants.now(clock);
            Customer erased = customers
                    .update(current.erased(now))
                    .orElseThrow(() -> new ConflictException(
                            "concurrent-change", "Customer " + id + " changed during erasure; retry"));
            audit.record(new AuditEntry(
                    now,
                    actor.describe(),
                    "customer.erased",
                    "customer:" + id,
                    Map.of("externalId", current.externalId())));
            return erased;
        });
    }
}
