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
}
