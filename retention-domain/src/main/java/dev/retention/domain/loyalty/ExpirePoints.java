package dev.retention.domain.loyalty;

import dev.retention.domain.shared.Instants;
import dev.retention.domain.shared.UnitOfWork;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The daily loyalty job: expires what is left of lots past their expiry, and moves members to the tier their
 * qualifying points of the last 12 months reach (down as well as up). Safe to run twice and from several instances at
 * once: each batch holds a lock shared by all instances, and the accounts it changes are locked and re-read, so a lot
 * is expired once.
 */
public class ExpirePoints {

    static final String JOB = "loyalty-daily";
    private static final int BATCH = 500;

    private final LoyaltyStore store;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public ExpirePoints(LoyaltyStore store, UnitOfWork unitOfWork, Clock clock) {
        this.store = store;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    /** What one run did; {@code skipped} when another run held the lock. */
    public record Run(int lotsExpired, int accountsChecked, boolean skipped) {}

    public Run run() {
        Instant now = Instants.now(clock);
        Optional<ProgrammeVersion> rules = store.programme().at(now);
        int expired = 0;
        while (true) {
            Integer batch = unitOfWork.inTransaction(() -> {
                if (!store.tryLockJob(JOB)) {
                    return null;
                }
                List<UUID> customers = store.customersWithPointsExpiredBy(now, BATCH);
                Map<UUID, AccountBook> books = store.lockBooks(customers, AccountBook.qualifyingWindowStart(now));
                books.values().forEach(book -> book.expire(now));
                store.save(books.values(), now);
                return books.values().stream()
                        .mapToInt(book -> book.newEntries().size())
                        .sum();
            });
            if (batch == null) {
                return new Run(expired, 0, true);
            }
            if (batch == 0) {
                break;
            }
            expired += batch;
        }
        int checked = rules.map(version -> refreshTiers(version, now)).orElse(0);
        return new Run(expired, checked, false);
    }

    private int refreshTiers(ProgrammeVersion version, Instant now) {
        int checked = 0;
        UUID after = null;
        while (true) {
            UUID from = after;
            List<UUID> members = unitOfWork.inTransaction(() -> {
                List<UUID> page = store.membersAfter(from, BATCH);
                Map<UUID, AccountBook> books = store.lockBooks(page, AccountBook.qualifyingWindowStart(now));
                books.values().forEach(book -> book.refreshTier(version, now));
                store.save(books.values(), now);
                return page;
            });
            if (members.isEmpty()) {
                return checked;
            }
            checked += members.size();
            after = members.get(members.size() - 1);
        }
    }
}
