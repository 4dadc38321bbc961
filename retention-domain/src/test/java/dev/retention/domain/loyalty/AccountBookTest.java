package dev.retention.domain.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.domain.shared.InvalidInputException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The programme's rules on one account, with every figure worked out by hand in the comments. */
class AccountBookTest {

    private static final UUID MEMBER = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final List<Tier> TIERS =
            List.of(new Tier("Green", 0, BigDecimal.ONE), new Tier("Gold", 300, new BigDecimal("1.2")));
    /** 1 point per 1.00, points last 12 months. */
    private static final ProgrammeVersion RULES = version("2026-01-01T00:00:00Z", "1", 12);

    private static ProgrammeVersion version(String from, String pointsPerUnit, Integer months) {
        return new ProgrammeVersion(
                UUID.randomUUID(), Instant.parse(from), new BigDecimal(pointsPerUnit), TIERS, months, true, NOW);
    }

    private static AccountBook newMember() {
        return new AccountBook(
                LoyaltyAccount.enrol(MEMBER, Instant.parse("2026-01-01T00:00:00Z"), TIERS.get(0)),
                List.of(),
                List.of());
    }

    private static void purchase(AccountBook book, String at, String amount) {
        book.earn(UUID.randomUUID(), Instant.parse(at), new BigDecimal(amount), RULES, NOW);
    }

    private static long sumOfLots(AccountBook book) {
        return book.openLots().stream().mapToLong(PointsLot::remaining).sum();
    }

    private static long sumOfLedger(AccountBook book) {
        return book.newEntries().stream().mapToLong(LedgerEntry::points).sum();
    }

    @Test
    void purchasesEarnWholePointsRoundedDown() {
        AccountBook book = newMember();

        purchase(book, "2026-02-01T10:00:00Z", "49.99"); // 49 points
        purchase(book, "2026-02-02T10:00:00Z", "0.99"); // 0 points

        assertThat(book.account().balance()).isEqualTo(49);
        assertThat(book.newEntries()).extracting(LedgerEntry::points).containsExactly(49L, 0L);
        assertThat(book.newLots()).hasSize(1);
    }

    @Test
    void theTierAtThePurchaseMultipliesItsPoints() {
        AccountBook book = newMember();

        purchase(book, "2026-02-01T10:00:00Z", "300.00"); // Green: 300 points, qualifying 300 after it
        purchase(book, "2026-02-02T10:00:00Z", "10.55"); // Gold: floor(10 × 1.2) = 12

        assertThat(book.newEntries()).extracting(LedgerEntry::points).containsExactly(300L, 12L);
        assertThat(book.account().balance()).isEqualTo(312);
        assertThat(book.newEntries()).extracting(LedgerEntry::qualifyingPoints).containsExactly(300L, 10L);
    }

    @Test
    void aNewVersionAppliesFromItsEffectiveInstantOn() {
        ProgrammeVersion doubled = version("2026-03-01T00:00:00Z", "2", 12);
        LoyaltyProgramme programme = new LoyaltyProgramme(List.of(doubled, RULES));

        assertThat(programme.at(Instant.parse("2026-02-28T23:59:59.999999Z"))).contains(RULES);
        assertThat(programme.at(Instant.parse("2026-03-01T00:00:00Z"))).contains(doubled);
        assertThat(programme.at(Instant.parse("2025-12-31T00:00:00Z"))).isEmpty();
        assertThat(doubled.basePoints(new BigDecimal("10.75"))).isEqualTo(21); // floor(21.5)
    }

    @Test
    void aRefundClawsBackItsPointsAndRecordsWhatTheBalanceCannotCover() {
        AccountBook book = newMember();
        purchase(book, "2026-02-01T10:00:00Z", "100.00");
        book.redeem(UUID.randomUUID(), 80, NOW); // 20 left

        book.clawBack(UUID.randomUUID(), Instant.parse("2026-02-03T10:00:00Z"), new BigDecimal("50.00"), RULES, NOW);

        LedgerEntry clawback = book.newEntries().get(2);
        assertThat(clawback.type()).isEqualTo(LedgerEntryType.CLAWBACK);
        assertThat(clawback.points()).isEqualTo(-20); // the balance, not the 50 the refund is worth
        assertThat(clawback.shortfall()).isEqualTo(30);
        assertThat(book.account().balance()).isZero();
        assertThat(book.account().shortfall()).isEqualTo(30);
        assertThat(book.account().lifetimePoints()).isEqualTo(50); // 100 earned, 50 taken back
        assertThat(sumOfLedger(book)).isEqualTo(book.account().balance());
    }

    @Test
    void spendingAndExpiryTakeTheLotsThatExpireFirst() {
        AccountBook book = newMember();
        purchase(book, "2026-01-10T00:00:00Z", "10.00"); // lot A, expires 2027-01-10
        purchase(book, "2026-02-10T00:00:00Z", "20.00"); // lot B, expires 2027-02-10
        book.redeem(UUID.randomUUID(), 15, NOW); // A 10 → 0, B 20 → 15

        book.expire(Instant.parse("2027-01-10T00:00:00Z"));
        assertThat(book.account().balance()).isEqualTo(15); // A was spent: nothing expires

        book.expire(Instant.parse("2027-02-10T00:00:00Z"));
        LedgerEntry expiry = book.newEntries().get(book.newEntries().size() - 1);
        assertThat(expiry.type()).isEqualTo(LedgerEntryType.EXPIRE);
        assertThat(expiry.points()).isEqualTo(-15);
        assertThat(book.account().balance()).isZero();
        assertThat(sumOfLots(book)).isZero();
        assertThat(sumOfLedger(book)).isZero();

        book.expire(Instant.parse("2027-03-01T00:00:00Z")); // running again expires nothing more
        assertThat(book.newEntries())
                .filteredOn(e -> e.type() == LedgerEntryType.EXPIRE)
                .hasSize(1);
    }

    @Test
    void tiersGoUpWithTheLastTwelveMonthsAndDownWhenTheyPass() {
        AccountBook book = newMember();
        purchase(book, "2026-02-01T10:00:00Z", "350.00");

        book.refreshTier(RULES, Instant.parse("2026-02-01T10:00:00Z"));
        assertThat(book.account().tier()).isEqualTo("Gold");

        book.refreshTier(RULES, Instant.parse("2027-02-01T10:00:00Z")); // exactly 12 months later: out
        assertThat(book.account().tier()).isEqualTo("Green");
        assertThat(book.account().tierSince()).isEqualTo(Instant.parse("2027-02-01T10:00:00Z"));
    }

    @Test
    void adjustmentsAddALotOrDeductButNeverBelowZero() {
        AccountBook book = newMember();
        book.adjust(25, "goodwill", RULES, NOW);
        book.adjust(-5, "correction", RULES, NOW);

        assertThat(book.account().balance()).isEqualTo(20);
        assertThat(sumOfLots(book)).isEqualTo(20);
        assertThatThrownBy(() -> book.adjust(-21, "too much", RULES, NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void invalidRulesNameTheField() {
        assertThatThrownBy(() -> new ProgrammeVersion(
                        UUID.randomUUID(),
                        NOW,
                        BigDecimal.ZERO,
                        List.of(new Tier("Gold", 100, new BigDecimal("0.5"))),
                        0,
                        true,
                        NOW))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations())
                        .extracting(v -> v.field())
                        .containsExactlyInAnyOrder(
                                "pointsPerUnit",
                                "pointsLifetimeMonths",
                                "tiers[0].qualifyingPoints",
                                "tiers[0].multiplier"));
    }
}
