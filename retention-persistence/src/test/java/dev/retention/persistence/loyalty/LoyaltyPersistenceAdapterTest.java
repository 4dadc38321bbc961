package dev.retention.persistence.loyalty;

import static dev.retention.domain.event.EventType.PURCHASE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.loyalty.AccountBook;
import dev.retention.domain.loyalty.LedgerEntry;
import dev.retention.domain.loyalty.LedgerEntryType;
import dev.retention.domain.loyalty.LoyaltyAccount;
import dev.retention.domain.loyalty.LoyaltyStore;
import dev.retention.domain.loyalty.ProgrammeVersion;
import dev.retention.domain.loyalty.Redemption;
import dev.retention.domain.loyalty.Reward;
import dev.retention.domain.loyalty.Rewards;
import dev.retention.domain.loyalty.Tier;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import dev.retention.persistence.support.AdapterTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * The loyalty store: an account's book locked, changed and saved, read back as balance, ledger and expiring lots; the
 * expiry and tier jobs' lookups; one job lock shared by every instance; redemptions found by idempotency key.
 */
@SpringJUnitConfig({AdapterTest.Infrastructure.class, LoyaltyPersistenceAdapter.class, RewardPersistenceAdapter.class})
class LoyaltyPersistenceAdapterTest extends AdapterTest {

    private static final Instant ENROLLED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant BOUGHT = Instant.parse("2026-01-10T12:00:00Z");
    private static final ProgrammeVersion RULES = new ProgrammeVersion(
            UUID.randomUUID(),
            ENROLLED,
            new BigDecimal("1.0000"), // as stored: four decimals
            List.of(new Tier("Green", 0, BigDecimal.ONE), new Tier("Gold", 1000, new BigDecimal("2"))),
            12,
            false,
            ENROLLED);

    @Autowired
    private LoyaltyStore store;

    @Autowired
    private Rewards rewards;

    private UUID member;

    @BeforeEach
    void enrolled() {
        store.addProgrammeVersion(RULES);
        member = customer("crm-1", null);
        store.createAccount(LoyaltyAccount.enrol(member, ENROLLED, RULES.entryTier()));
    }

    /** Earns floor(150.70 x 1) = 150 points on a purchase of 10 January, in one transaction as the service does. */
    private void earn150() {
        UUID purchase = money(member, PURCHASE, "2026-01-10T12:00:00Z", "150.70");
        transactions.executeWithoutResult(status -> {
            AccountBook book = store.lockBooks(List.of(member), AccountBook.qualifyingWindowStart(BOUGHT))
                    .get(member);
            book.earn(purchase, BOUGHT, new BigDecimal("150.70"), RULES, BOUGHT);
            store.save(List.of(book), BOUGHT);
        });
    }

    @Test
    void aCustomerHasOneAccountAndTheProgrammeItsVersions() {
        assertThat(store.createAccount(LoyaltyAccount.enrol(member, BOUGHT, RULES.entryTier())))
                .isFalse();
        assertThat(store.account(CustomerId.of(member)).orElseThrow().enrolledAt())
                .isEqualTo(ENROLLED);
        assertThat(store.programme().versions()).containsExactly(RULES);
        assertThat(store.lockBooks(List.of(customer("crm-2", null)), ENROLLED)).isEmpty();
    }

    @Test
    void aSavedBookIsReadBackAsBalanceLedgerLotsAndQualifyingPoints() {
        earn150();

        LoyaltyAccount account = store.account(CustomerId.of(member)).orElseThrow();
        Page<LedgerEntry> ledger = store.entries(CustomerId.of(member), new PageRequest(0, 10));
        AccountBook reloaded = transactions.execute(
                status -> store.lockBooks(List.of(member), AccountBook.qualifyingWindowStart(BOUGHT))
                        .get(member));

        assertThat(account.balance()).isEqualTo(150);
        assertThat(account.lifetimePoints()).isEqualTo(150);
        assertThat(ledger.items()).singleElement().satisfies(entry -> {
            assertThat(entry.type()).isEqualTo(LedgerEntryType.EARN);
            assertThat(entry.balanceAfter()).isEqualTo(150);
            assertThat(entry.qualifyingPoints()).isEqualTo(150);
        });
        assertThat(reloaded.openLots()).singleElement().satisfies(lot -> {
            assertThat(lot.remaining()).isEqualTo(150);
            assertThat(lot.expiresAt()).isEqualTo(Instant.parse("2027-01-10T12:00:00Z"));
        });
        assertThat(reloaded.qualifyingPointsAt(BOUGHT.plusSeconds(1))).isEqualTo(150);
    }

    @Test
    void pointsExpiringInAWindowAndCustomersWithExpiredPointsAreFoundByTheLotsExpiry() {
        earn150();
        Instant expiry = Instant.parse("2027-01-10T12:00:00Z");

        assertThat(store.pointsExpiringBetween(CustomerId.of(member), expiry.minusSeconds(1), expiry))
                .isEqualTo(150);
        assertThat(store.pointsExpiringBetween(CustomerId.of(member), expiry, expiry.plusSeconds(60)))
                .isZero();
        assertThat(store.customersWithPointsExpiredBy(expiry.minusSeconds(1), 10))
                .isEmpty();
        assertThat(store.customersWithPointsExpiredBy(expiry, 10)).containsExactly(member);
        assertThat(store.membersAfter(null, 10)).containsExactly(member);
        assertThat(store.membersAfter(member, 10)).isEmpty();
    }

    @Test
    void aJobLockIsHeldByOneTransactionAtATime() {
        Boolean[] others = new Boolean[1];
        Boolean mine = transactions.execute(status -> {
            boolean taken = store.tryLockJob("loyalty-daily");
            others[0] = CompletableFuture.supplyAsync(
                            () -> transactions.execute(inner -> store.tryLockJob("loyalty-daily")))
                    .join();
            return taken;
        });
        Boolean afterwards = transactions.execute(status -> store.tryLockJob("loyalty-daily"));

        assertThat(mine).isTrue();
        assertThat(others[0]).isFalse();
        assertThat(afterwards).isTrue();
    }

    @Test
    void aRedemptionIsFoundByItsMemberAndIdempotencyKey() {
        Reward mug = new Reward(UUID.randomUUID(), "Mug", null, 100, null, null, null, null, false, ENROLLED, ENROLLED);
        rewards.add(mug);
        Redemption redemption = new Redemption(
                UUID.randomUUID(), member, mug.id(), "checkout-7", 100, Instant.parse("2026-02-01T00:00:00Z"));

        store.addRedemption(redemption);

        assertThat(store.redemption(CustomerId.of(member), "checkout-7")).contains(redemption);
        assertThat(store.redemption(CustomerId.of(member), "checkout-8")).isEmpty();
    }
}
