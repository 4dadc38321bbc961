package dev.retention.domain.loyalty;

import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Where programme versions, accounts, lots, the ledger and redemptions are kept. */
public interface LoyaltyStore {

    LoyaltyProgramme programme();

    void addProgrammeVersion(ProgrammeVersion version);

    /** Creates the account unless the customer has one; false when it had. */
    boolean createAccount(LoyaltyAccount account);

    /**
     * Locks the accounts of these customers until the transaction ends, always in the same order, and loads their
     * open lots and the qualifying points since {@code qualifyingFrom}; customers without an account are absent.
     */
    Map<UUID, AccountBook> lockBooks(Collection<UUID> customerIds, Instant qualifyingFrom);

    /** Stores the books' accounts (as changed at {@code at}), lots and new ledger entries. */
    void save(Collection<AccountBook> books, Instant at);

    Optional<LoyaltyAccount> account(CustomerId member);

    long pointsExpiringBetween(CustomerId member, Instant from, Instant until);

    /** The account's ledger, newest first. */
    Page<LedgerEntry> entries(CustomerId member, PageRequest page);

    /** Up to {@code limit} customers with points left in lots that expired at or before {@code at}. */
    List<UUID> customersWithPointsExpiredBy(Instant at, int limit);

    /** Up to {@code limit} members in id order after {@code after} (null: from the first). */
    List<UUID> membersAfter(UUID after, int limit);

    /**
     * Takes a lock named {@code job} held until the transaction ends, shared by every instance of the service;
     * false when another transaction holds it.
     */
    boolean tryLockJob(String job);

    Optional<Redemption> redemption(CustomerId member, String idempotencyKey);

    void addRedemption(Redemption redemption);
}
