package dev.retention.domain.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.domain.rfm.MoneyHistories.Movement;
import dev.retention.domain.rfm.MoneyHistories.WindowFigures;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MoneyHistoriesTest {

    private static final UUID LOW = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID HIGH = UUID.fromString("90000000-0000-4000-8000-000000000001");
    private static final UUID MIDDLE = UUID.fromString("7fffffff-0000-4000-8000-000000000001");
    private static final Instant FROM = Instant.parse("2026-06-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-07-01T00:00:00Z");

    private static Movement purchase(UUID id, String at, long units) {
        return new Movement(id, false, MoneyHistories.micros(Instant.parse(at)), units);
    }

    private static Movement refund(UUID id, String at, long units) {
        return new Movement(id, true, MoneyHistories.micros(Instant.parse(at)), units);
    }

    @Test
    void aWindowCountsPurchasesAfterItsStartUpToItsEndLessTheRefundsInIt() {
        MoneyHistories histories = MoneyHistories.of(List.of(
                purchase(HIGH, "2026-06-01T00:00:00Z", 10_000_000), // at the start: out
                purchase(HIGH, "2026-06-10T10:00:00Z", 300_000),
                refund(HIGH, "2026-06-12T10:00:00Z", 50_000),
                refund(HIGH, "2026-05-20T10:00:00Z", 700_000), // before the window
                purchase(HIGH, "2026-07-01T00:00:00Z", 200_000), // at the end: in
                purchase(HIGH, "2026-07-01T00:00:00.000001Z", 5_000_000), // a microsecond after it
                purchase(LOW, "2026-05-01T10:00:00Z", 800_000),
                refund(LOW, "2026-06-15T10:00:00Z", 800_000))); // only a refund in the window: no figures

        WindowFigures figures = histories.window(FROM, TO);

        assertThat(figures.size()).isOne();
        assertThat(histories.customerId(figures.customer()[0])).isEqualTo(HIGH);
        assertThat(MoneyHistories.instant(figures.lastPurchaseMicros()[0])).isEqualTo(TO);
        assertThat(figures.frequency()[0]).isEqualTo(2);
        // 30 + 20 - 5 = 45.0000
        assertThat(figures.monetaryUnits()[0]).isEqualTo(450_000);
        assertThat(MoneyHistories.amount(figures.monetaryUnits()[0])).hasToString("45.0000");
    }

    @Test
    void customersAreKeptInTheDatabasesIdOrderAndFoundByTheirIds() {
        MoneyHistories histories = MoneyHistories.of(List.of(
                purchase(HIGH, "2026-06-10T10:00:00Z", 1),
                purchase(LOW, "2026-06-10T10:00:00Z", 1),
                purchase(MIDDLE, "2026-06-10T10:00:00Z", 1)));

        assertThat(List.of(histories.customerId(0), histories.customerId(1), histories.customerId(2)))
                .containsExactly(LOW, MIDDLE, HIGH);
        assertThat(histories.position(HIGH)).isEqualTo(2);
        assertThat(histories.position(UUID.fromString("80000000-0000-4000-8000-000000000001")))
                .isEqualTo(-1);
    }

    @Test
    void movementsAddedLaterGiveTheSameFiguresAsAllAtOnceWhateverTheirOrder() {
        List<Movement> first = List.of(
                purchase(MIDDLE, "2026-06-20T10:00:00Z", 100),
                purchase(HIGH, "2026-06-05T10:00:00Z", 70),
                refund(HIGH, "2026-06-06T10:00:00Z", 20));
        List<Movement> later = List.of(
                purchase(MIDDLE, "2026-06-02T10:00:00Z", 30), // earlier than what was kept
                purchase(LOW, "2026-06-25T10:00:00Z", 5), // a new customer before the others
                refund(MIDDLE, "2026-06-21T10:00:00Z", 40));

        MoneyHistories stepwise = MoneyHistories.of(first).with(later);
        WindowFigures figures = stepwise.window(FROM, TO);

        assertThat(stepwise.customers()).isEqualTo(3);
        assertThat(stepwise.movements()).isEqualTo(6);
        assertThat(figures.frequency()).containsExactly(1, 2, 1);
        assertThat(figures.monetaryUnits()).containsExactly(5, 90, 50);
        assertThat(MoneyHistories.instant(figures.lastPurchaseMicros()[1]))
                .isEqualTo(Instant.parse("2026-06-20T10:00:00Z"));
        WindowFigures atOnce = MoneyHistories.of(java.util.stream.Stream.concat(later.stream(), first.stream())
                        .toList())
                .window(FROM, TO);
        assertThat(atOnce.monetaryUnits()).containsExactly(figures.monetaryUnits());
        assertThat(atOnce.lastPurchaseMicros()).containsExactly(figures.lastPurchaseMicros());
    }

    @Test
    void windowsReachingBeyondWhatMicrosecondsInALongHoldTakeEveryEventOnThatSide() {
        MoneyHistories histories = MoneyHistories.of(List.of(purchase(LOW, "2026-06-10T10:00:00Z", 7)));

        assertThat(histories.window(Instant.MIN, Instant.MAX).frequency()).containsExactly(1L);
        assertThat(histories.window(Instant.MIN, FROM).size()).isZero();
        assertThat(histories.window(TO, Instant.MAX).size()).isZero();
    }

    @Test
    void amountsAddingUpBeyondWhatALongHoldsAreRefused() {
        List<Movement> huge = List.of(
                purchase(LOW, "2026-06-10T10:00:00Z", Long.MAX_VALUE / 2 + 1),
                purchase(LOW, "2026-06-11T10:00:00Z", Long.MAX_VALUE / 2 + 1));

        assertThatThrownBy(() -> MoneyHistories.of(huge)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void customersMustBeBuiltInIdOrder() {
        MoneyHistories.Builder builder = new MoneyHistories.Builder().customer(HIGH, List.of());

        assertThatThrownBy(() -> builder.customer(LOW, List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
