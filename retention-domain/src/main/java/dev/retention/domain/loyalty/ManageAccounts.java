package dev.retention.domain.loyalty;

import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.customer.Customers;
import dev.retention.domain.shared.ConflictException;
import dev.retention.domain.shared.InvalidInputException;
import dev.retention.domain.shared.Instants;
import dev.retention.domain.shared.ResourceNotFoundException;
import dev.retention.domain.shared.UnitOfWork;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Enrols customers and adjusts balances by hand. */
public class ManageAccounts {

    public static final int MAX_REASON_LENGTH = 500;

    private final LoyaltyStore store;
    private final Customers customers;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public ManageAccounts(LoyaltyStore store, Customers customers, UnitOfWork unitOfWork, Clock clock) {
        this.store = store;
        this.customers = customers;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    /** The enrolment, and whether it is new. */
    public record Enrolment(LoyaltyAccount account, boolean created) {}

    public Enrolment enrol(UUID customerId) {
        customers.existing(CustomerId.of(customerId));
        Instant now = Instants.now(clock);
        ProgrammeVersion version = store.programme().at(now).orElseThrow(ProgrammeRequiredException::now);
        boolean created = store.createAccount(LoyaltyAccount.enrol(customerId, now, version.entryTier()));
        return new Enrolment(store.account(customerId).orElseThrow(), created);
    }

    /** Adds (positive) or deducts (negative) points with a reason; a deduction beyond the balance is refused. */
    public LoyaltyAccount adjust(UUID customerId, long points, String reason) {
        if (points == 0) {
            throw InvalidInputException.rule("points", "must not be 0");
        }
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON_LENGTH) {
            throw InvalidInputException.of("reason", "is required, at most " + MAX_REASON_LENGTH + " characters");
        }
        Instant now = Instants.now(clock);
        return unitOfWork.inTransaction(() -> {
            ProgrammeVersion version = store.programme().at(now).orElseThrow(ProgrammeRequiredException::now);
            AccountBook book = store.lockBooks(List.of(customerId), AccountBook.qualifyingWindowStart(now))
                    .get(customerId);
            if (book == null) {
                throw new ResourceNotFoundException("Loyalty account", customerId);
            }
            if (points < 0 && -points > book.account().balance()) {
                throw new ConflictException("insufficient-points", "The balance is " + book.account().balance()
                        + " points; a deduction of " + -points + " would take it below zero.");
            }
            book.adjust(points, reason.trim(), version, now);
            store.save(List.of(book), now);
            return book.account();
        });
    }
}
