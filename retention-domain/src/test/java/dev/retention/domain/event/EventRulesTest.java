package dev.retention.domain.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.shared.Violation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventRulesTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private final EventRules rules = new EventRules(Currency.getInstance("EUR"));

    private static EventSubmission event(EventType type, String amount, String currency) {
        return new EventSubmission(
                CustomerReference.byId(CustomerId.random()),
                type,
                Instant.parse("2026-05-01T00:00:00Z"),
                amount == null ? null : new BigDecimal(amount),
                currency,
                null,
                Map.of(),
                "key-1");
    }

    private static List<String> fields(List<Violation> violations) {
        return violations.stream().map(Violation::field).toList();
    }

    @Test
    void purchasesNeedAnAmountOfZeroOrMoreAndRefundsAPositiveOneWithCurrency() {
        assertThat(rules.checkShape(event(EventType.PURCHASE, "49.90", "EUR"))).isEmpty();
        assertThat(rules.checkShape(event(EventType.PURCHASE, "0.00", "EUR")))
                .as("a free order")
                .isEmpty();
        assertThat(fields(rules.checkShape(event(EventType.REFUND, "0", "EUR"))))
                .containsExactly("amount");
        assertThat(fields(rules.checkShape(event(EventType.PURCHASE, "-0.01", "EUR"))))
                .containsExactly("amount");
        assertThat(rules.checkShape(event(EventType.REFUND, "0.0001", "EUR"))).isEmpty();
        assertThat(fields(rules.checkShape(event(EventType.PURCHASE, null, "EUR"))))
                .containsExactly("amount");
        assertThat(fields(rules.checkShape(event(EventType.REFUND, "-3", "EUR"))))
                .containsExactly("amount");
        assertThat(fields(rules.checkShape(event(EventType.PURCHASE, "10", null))))
                .containsExactly("currency");
        assertThat(fields(rules.checkShape(event(EventType.PURCHASE, "10", "EURO"))))
                .containsExactly("currency");
    }

    @Test
    void amountsHaveAtMostFourDecimalsIgnoringTrailingZeros() {
        assertThat(rules.checkShape(event(EventType.PURCHASE, "1.12340000", "EUR")))
                .isEmpty();
        assertThat(fields(rules.checkShape(event(EventType.PURCHASE, "1.12345", "EUR"))))
                .containsExactly("amount");
        assertThat(fields(rules.checkShape(event(EventType.PURCHASE, "1000000000000000", "EUR"))))
                .containsExactly("amount");
        assertThat(rules.checkShape(event(EventType.PURCHASE, "999999999999999.9999", "EUR")))
                .isEmpty();
    }

    @Test
    void otherEventsMustNotCarryMoney() {
        assertThat(rules.checkShape(event(EventType.LOGIN, null, null))).isEmpty();
        assertThat(fields(rules.checkShape(event(EventType.CHURNED, "5", "EUR"))))
                .containsExactly("amount", "currency");
    }

    @Test
    void amountsInAnotherCurrencyNeedConversionAndTheReportingCurrencyDoesNot() {
        assertThat(rules.checkRules(event(EventType.PURCHASE, "5", "USD"), NOW)).isEmpty();
        assertThat(rules.needsConversion(event(EventType.PURCHASE, "5", "USD"))).isTrue();
        assertThat(rules.needsConversion(event(EventType.SUBSCRIPTION, "0", "USD")))
                .isTrue();
        assertThat(rules.needsConversion(event(EventType.PURCHASE, "5", "EUR"))).isFalse();
        assertThat(rules.needsConversion(event(EventType.LOGIN, null, null))).isFalse();
    }

    @Test
    void subscriptionsCarryAMonthlyAmountOfZeroOrMore() {
        assertThat(rules.checkShape(event(EventType.SUBSCRIPTION, "29.00", "EUR")))
                .isEmpty();
        assertThat(rules.checkShape(event(EventType.SUBSCRIPTION, "0", "EUR")))
                .as("a cancellation")
                .isEmpty();
        assertThat(fields(rules.checkShape(event(EventType.SUBSCRIPTION, "-1", "EUR"))))
                .containsExactly("amount");
        assertThat(fields(rules.checkShape(event(EventType.SUBSCRIPTION, null, "EUR"))))
                .containsExactly("amount");
        assertThat(fields(rules.checkShape(event(EventType.SUBSCRIPTION, "10", null))))
                .containsExactly("currency");
    }

    @Test
    void eventsMoreThanADayAheadAreRefused() {
        EventSubmission tomorrow = new EventSubmission(
                CustomerReference.byId(CustomerId.random()),
                EventType.LOGIN,
                NOW.plusSeconds(23 * 3600),
                null,
                null,
                null,
                Map.of(),
                "k");
        EventSubmission nextWeek = new EventSubmission(
                CustomerReference.byId(CustomerId.random()),
                EventType.LOGIN,
                NOW.plusSeconds(7 * 24 * 3600),
                null,
                null,
                null,
                Map.of(),
                "k");

        assertThat(rules.checkRules(tomorrow, NOW)).isEmpty();
        assertThat(fields(rules.checkRules(nextWeek, NOW))).containsExactly("occurredAt");
    }

    @Test
    void keyTypeAndTimeAreRequired() {
        EventSubmission empty = new EventSubmission(
                CustomerReference.byId(CustomerId.random()), null, null, null, null, null, Map.of(), null);

        assertThat(fields(rules.checkShape(empty))).containsExactlyInAnyOrder("type", "occurredAt", "eventKey");
    }

    private static EventSubmission order(EventType type, String amount, OrderLine... lines) {
        return new EventSubmission(
                CustomerReference.byId(CustomerId.random()),
                type,
                Instant.parse("2026-05-01T00:00:00Z"),
                amount == null ? null : new BigDecimal(amount),
                "EUR",
                null,
                Map.of(),
                "order-1",
                List.of(lines));
    }

    private static OrderLine line(String product, long quantity, String unitPrice) {
        return new OrderLine(product, quantity, new BigDecimal(unitPrice));
    }

    @Test
    void anOrderWithoutAmountIsWorthTheSumOfItsLines() {
        EventSubmission order = order(EventType.PURCHASE, null, line("mug", 2, "4.50"), line("tea", 3, "1.25"));

        // 2 x 4.50 + 3 x 1.25 = 9.00 + 3.75 = 12.75
        assertThat(order.amount()).isEqualByComparingTo("12.75");
        assertThat(rules.checkShape(order)).isEmpty();
        assertThat(rules.checkShape(
                        order(EventType.PURCHASE, "12.750", line("mug", 2, "4.50"), line("tea", 3, "1.25"))))
                .as("the same amount, stated")
                .isEmpty();
        assertThat(rules.checkShape(order(EventType.REFUND, null, line("mug", 1, "4.50"))))
                .isEmpty();
    }

    @Test
    void anAmountOtherThanTheSumOfTheLinesIsRefused() {
        List<Violation> violations =
                rules.checkShape(order(EventType.PURCHASE, "13.00", line("mug", 2, "4.50"), line("tea", 3, "1.25")));

        assertThat(fields(violations)).containsExactly("amount");
        assertThat(violations.get(0).message()).contains("12.75");
    }

    @Test
    void eachLineNeedsAProductAPositiveQuantityAndAPriceOfZeroOrMore() {
        assertThat(fields(rules.checkShape(order(
                        EventType.PURCHASE,
                        null,
                        line("mug", 1, "4.50"),
                        line(" ", 1, "1"),
                        line("tea", 0, "1"),
                        line("pot", 1, "-1"),
                        line("cup", 1, "0.12345"),
                        new OrderLine("sample", 1L, null),
                        line("gift", 1, "0")))))
                .containsExactly(
                        "lines[1].productId",
                        "lines[2].quantity",
                        "lines[3].unitPrice",
                        "lines[4].unitPrice",
                        "lines[5].unitPrice");
    }

    @Test
    void onlyPurchasesAndRefundsHaveLines() {
        EventSubmission login = new EventSubmission(
                CustomerReference.byId(CustomerId.random()),
                EventType.LOGIN,
                Instant.parse("2026-05-01T00:00:00Z"),
                null,
                null,
                null,
                Map.of(),
                "login-1",
                List.of(line("mug", 1, "1")));

        assertThat(fields(rules.checkShape(login))).contains("lines");
    }
}
