package dev.retention.domain.loyalty;

import dev.retention.domain.event.CustomerEvent;
import dev.retention.domain.event.EventType;
import dev.retention.domain.event.EventsRecordedListener;
import dev.retention.domain.shared.Instants;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Earns points for new PURCHASE events and claws them back for REFUND events, in the transaction that stores the
 * events, so that an event earns exactly once: replays of stored events are not new, and the ledger refuses a
 * second entry for the same event. Purchases before a member's enrolment earn nothing; with auto-enrolment a
 * customer's first purchase enrols it at that purchase.
 */
public class EarnPoints implements EventsRecordedListener {

    private final LoyaltyStore store;
    private final Clock clock;

    public EarnPoints(LoyaltyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void recorded(List<CustomerEvent> created) {
        List<CustomerEvent> money = created.stream()
                .filter(event -> event.type() == EventType.PURCHASE || event.type() == EventType.REFUND)
                .sorted(Comparator.comparing(CustomerEvent::occurredAt))
                .toList();
        if (money.isEmpty()) {
            return;
        }
        LoyaltyProgramme programme = store.programme();
        if (programme.versions().isEmpty()) {
            return;
        }
        Instant now = Instants.now(clock);
        enrolFirstBuyers(money, programme);
        Map<UUID, AccountBook> books = store.lockBooks(
                money.stream()
                        .map(event -> event.customerId().value())
                        .distinct()
                        .toList(),
                AccountBook.qualifyingWindowStart(money.get(0).occurredAt()));
        Map<UUID, AccountBook> touched = new HashMap<>();
        Map<UUID, Instant> latest = new HashMap<>();
        for (CustomerEvent event : money) {
            AccountBook book = books.get(event.customerId().value());
            Optional<ProgrammeVersion> version = programme.at(event.occurredAt());
            if (book == null
                    || version.isEmpty()
                    || event.occurredAt().isBefore(book.account().enrolledAt())
                    || event.reportingAmount().amount().signum() == 0) {
                continue;
            }
            if (event.type() == EventType.PURCHASE) {
                book.earn(
                        event.id(), event.occurredAt(), event.reportingAmount().amount(), version.get(), now);
            } else {
                book.clawBack(
                        event.id(), event.occurredAt(), event.reportingAmount().amount(), version.get(), now);
            }
            touched.put(event.customerId().value(), book);
            latest.put(event.customerId().value(), event.occurredAt());
        }
        // The tier as of now, or as of the member's latest purchase or refund when that lies ahead of the clock.
        touched.forEach((customer, book) -> {
            Instant at = latest.get(customer).isAfter(now) ? latest.get(customer) : now;
            programme.at(at).ifPresent(rules -> book.refreshTier(rules, at));
        });
        store.save(touched.values(), now);
    }

    private void enrolFirstBuyers(List<CustomerEvent> money, LoyaltyProgramme programme) {
        Map<UUID, CustomerEvent> firstPurchases = new HashMap<>();
        for (CustomerEvent event : money) {
            if (event.type() == EventType.PURCHASE) {
                firstPurchases.putIfAbsent(event.customerId().value(), event);
            }
        }
        List<LoyaltyAccount> accounts = new ArrayList<>();
        firstPurchases
                .values()
                .forEach(purchase -> programme
                        .at(purchase.occurredAt())
                        .filter(ProgrammeVersion::autoEnrol)
                        .ifPresent(version -> accounts.add(LoyaltyAccount.enrol(
                                purchase.customerId().value(), purchase.occurredAt(), version.entryTier()))));
        accounts.forEach(store::createAccount);
    }
}
