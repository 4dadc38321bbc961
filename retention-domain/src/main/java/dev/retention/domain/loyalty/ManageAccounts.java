package dev.retention.domain.loyalty;

import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.customer.Customers;
import dev.retention.domain.shared.ConflictException;
import dev.retention.domain.shared.Instants;
import dev.retention.domain.shared.InvalidInputException;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import dev.retention.domain.shared.ResourceNotFoundException;
import dev.retention.domain.shared.UnitOfWork;
import java.time.Clock;
import java.time.Duration;
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

    /** How far ahead a member's account shows the points about to expire. */
    public static final Duration EXPIRY_NOTICE = Duration.ofDays(30);

    /** A member's account and the points that expire within the {@link #EXPIRY_NOTICE notice}. */
    public record Statement(LoyaltyAccount account, long pointsExpiringSoon) {}

    /** The enrolment, and whether it is new. */
    public record Enrolment(LoyaltyAccount account, boolean created) {}

    public Enrolment enrol(CustomerId member) {
        customers.existing(member);
        UUID customerId = member.value();
        Instant now = Instants.now(clock);
        ProgrammeVersion version = store.programme().at(now).orElseThrow(ProgrammeRequiredException::now);
        boolean created = store.createAccount(LoyaltyAccount.enrol(customerId, now, version.entryTier()));
        return new Enrolment(store.account(member).orElseThrow(), created);
    }

    public Statement statement(LoyaltyAccount account) {
        Instant now = Instants.now(clock);
        return new Statement(
                account,
                store.pointsExpiringBetween(CustomerId.of(account.customerId()), now, now.plus(EXPIRY_NOTICE)));
    }

    /** The member's account; not found when the customer is not a member. */
    public Statement statement(CustomerId member) {
        return statement(account(member));
    }

    /** The member's ledger, newest first; not found when the customer is not a member. */
    public Page<LedgerEntry> ledger(CustomerId member, PageRequest page) {
        account(member);
        return store.entries(member, page);
    }

    private LoyaltyAccount account(CustomerId member) {
        return store.account(member).orElseThrow(() -> new ResourceNotFoundException("Loyalty account", member));
    }

    /** Adds (positive) or deducts (negative) points with a reason; a deduction beyond the balance is refused. */
    public LoyaltyAccount adjust(CustomerId member, long points, String reason) {
        UUID customerId = member.value();
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
                throw new ConflictException(
                        "insufficient-points",
                        "The balance is " + book.account().balance() + " points; a deduction of " + -points
                                + " would take it below zero.");
            }
            book.adjust(points, reason.trim(), version, now);
            store.save(List.of(book), now);
            return book.account();
        });
    }
}
