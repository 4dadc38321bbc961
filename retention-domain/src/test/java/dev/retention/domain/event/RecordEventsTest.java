package dev.retention.domain.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.domain.customer.Customer;
import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.event.EventOutcome.Status;
import dev.retention.domain.fx.InMemoryExchangeRates;
import dev.retention.domain.shared.Money;
import dev.retention.domain.shared.Violation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordEventsTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    private final InMemoryStore store = new InMemoryStore();
    private final InMemoryExchangeRates rates = new InMemoryExchangeRates();
    private final RecordEvents recordEvents = new RecordEvents(
            store,
            store,
            new EventRules(Currency.getInstance("EUR")),
            new CurrencyConversion(rates, Currency.getInstance("EUR")),
            store,
            Clock.fixed(NOW, ZoneOffset.UTC));

    private static EventSubmission inDollars(String key, EventType type, String amount, String occurredAt) {
        return new EventSubmission(
                CustomerReference.byExternalId("crm-1", true),
                type,
                Instant.parse(occurredAt),
                new BigDecimal(amount),
                "USD",
                null,
                Map.of(),
                key);
    }

    private static EventSubmission purchase(String externalId, String key, String amount, String day) {
        return new EventSubmission(
                CustomerReference.byExternalId(externalId, true),
                EventType.PURCHASE,
                Instant.parse("2026-05-" + day + "T10:00:00Z"),
                new BigDecimal(amount),
                "EUR",
                null,
                Map.of(),
                key);
    }

    private static List<Status> statuses(IngestionResult result) {
        return result.outcomes().stream().map(EventOutcome::status).toList();
    }

    @Test
    void newEventsAreCreatedAndCustomersMadeFromExternalIds() {
        IngestionResult result = recordEvents.record(List.of(
                purchase("crm-1", "o-1", "10", "02"),
                purchase("crm-1", "o-2", "5", "01"),
                purchase("crm-2", "o-1", "7", "03")));

        assertThat(statuses(result)).containsExactly(Status.CREATED, Status.CREATED, Status.CREATED);
        assertThat(store.customers()).extracting(Customer::externalId).containsExactlyInAnyOrder("crm-1", "crm-2");
        assertThat(store.findByExternalId("crm-1").orElseThrow().acquiredAt())
                .isEqualTo(Instant.parse("2026-05-01T10:00:00Z"));
    }

    @Test
    void onlyAcquisitionsAfterABatchsEarliestEventAreMovedEarlier() {
        recordEvents.record(List.of(purchase("crm-1", "o-1", "10", "02"), purchase("crm-2", "o-1", "7", "03")));
        Customer first = store.findByExternalId("crm-1").orElseThrow();
        Customer second = store.findByExternalId("crm-2").orElseThrow();

        recordEvents.record(List.of(purchase("crm-1", "o-2", "10", "05"), purchase("crm-2", "o-2", "7", "01")));

        assertThat(store.acquisitionMoves().get(1))
                .isEqualTo(Map.of(second.id(), Instant.parse("2026-05-01T10:00:00Z")));
        assertThat(store.findByExternalId("crm-1").orElseThrow().acquiredAt()).isEqualTo(first.acquiredAt());
        assertThat(store.findByExternalId("crm-2").orElseThrow().acquiredAt())
                .isEqualTo(Instant.parse("2026-05-01T10:00:00Z"));
    }

    @Test
    void theSameKeyTwiceInOneBatchIsOneEventAndADuplicate() {
        IngestionResult result = recordEvents.record(
                List.of(purchase("crm-1", "o-1", "10", "02"), purchase("crm-1", "o-1", "10.00", "02")));

        assertThat(statuses(result)).containsExactly(Status.CREATED, Status.DUPLICATE);
        assertThat(result.outcomes().get(1).event().id())
                .isEqualTo(result.outcomes().get(0).event().id());
        assertThat(store.events()).hasSize(1);
    }

    @Test
    void replayingAStoredEventIsADuplicateAndOtherContentAConflict() {
        recordEvents.record(List.of(purchase("crm-1", "o-1", "10", "02")));

        IngestionResult replay = recordEvents.record(List.of(purchase("crm-1", "o-1", "10", "02")));
        IngestionResult changed =
                recordEvents.record(List.of(purchase("crm-1", "o-1", "11", "02"), purchase("crm-1", "o-2", "3", "02")));

        assertThat(statuses(replay)).containsExactly(Status.DUPLICATE);
        assertThat(statuses(changed)).containsExactly(Status.CONFLICT, Status.NOT_STORED);
        assertThat(store.events()).hasSize(1);
    }

    @Test
    void aRejectedBatchLeavesNoCustomerAndNoEventBehind() {
        EventSubmission unknown = new EventSubmission(
                CustomerReference.byId(CustomerId.random()), EventType.LOGIN, NOW, null, null, null, Map.of(), "l-1");

        IngestionResult result = recordEvents.record(List.of(purchase("crm-1", "o-1", "10", "02"), unknown));

        assertThat(result.accepted()).isFalse();
        assertThat(statuses(result)).containsExactly(Status.NOT_STORED, Status.INVALID);
        assertThat(result.outcomes().get(1).problem()).isEqualTo("unknown-customer");
        assertThat(store.customers()).isEmpty();
        assertThat(store.events()).isEmpty();
    }

    @Test
    void anErasedCustomerTakesNoNewEvents() {
        recordEvents.record(List.of(purchase("crm-1", "o-1", "10", "02")));
        Customer customer = store.findByExternalId("crm-1").orElseThrow();
        store.update(customer.erased(NOW));

        IngestionResult result = recordEvents.record(List.of(purchase("crm-1", "o-2", "10", "03")));

        assertThat(result.outcomes().get(0).problem()).isEqualTo("customer-erased");
        assertThat(store.events()).hasSize(1);
    }

    @Test
    void timesAreStoredToTheMicrosecond() {
        EventSubmission precise = new EventSubmission(
                CustomerReference.byExternalId("crm-1", true),
                EventType.LOGIN,
                Instant.parse("2026-05-01T10:00:00.123456789Z"),
                null,
                null,
                null,
                Map.of(),
                "l");

        IngestionResult result = recordEvents.record(List.of(precise));

        assertThat(result.outcomes().get(0).event().occurredAt())
                .isEqualTo(Instant.parse("2026-05-01T10:00:00.123456Z"));
    }

    @Test
    void anAmountInAnotherCurrencyIsConvertedAtTheRateOfItsUtcDayAndKeepsWhatWasSent() {
        rates.with("USD", "2026-05-04", "0.9").with("USD", "2026-05-05", "0.8");

        IngestionResult result = recordEvents.record(List.of(
                inDollars("o-1", EventType.PURCHASE, "10.01", "2026-05-05T23:59:59Z"),
                inDollars("o-2", EventType.PURCHASE, "10.01", "2026-05-06T00:00:00-01:00")));

        CustomerEvent sameDay = result.outcomes().get(0).event();
        // 10.01 × 0.8 = 8.008, 10.01 × 0.8 again for the instant 2026-05-06T01:00Z, whose day has no rate: the
        // latest earlier one (2026-05-05) converts it.
        assertThat(sameDay.amount()).isEqualTo(Money.of("10.01", "USD"));
        assertThat(sameDay.conversion().converted()).isEqualTo(Money.of("8.0080", "EUR"));
        assertThat(sameDay.conversion().rateDate()).isEqualTo(LocalDate.parse("2026-05-05"));
        assertThat(sameDay.reportingAmount()).isEqualTo(Money.of("8.0080", "EUR"));
        CustomerEvent nextDay = result.outcomes().get(1).event();
        assertThat(nextDay.conversion().rateDate()).isEqualTo(LocalDate.parse("2026-05-05"));
        assertThat(nextDay.conversion().converted().amount()).isEqualByComparingTo("8.008");
    }

    @Test
    void conversionRoundsToFourDecimalsHalfEven() {
        rates.with("USD", "2026-05-01", "0.00005");

        IngestionResult result = recordEvents.record(List.of(
                inDollars("a", EventType.PURCHASE, "1", "2026-05-01T10:00:00Z"),
                inDollars("b", EventType.PURCHASE, "3", "2026-05-01T10:00:00Z")));

        // 0.00005 → 0.0000 (half to even), 0.00015 → 0.0002
        assertThat(result.outcomes().get(0).event().reportingAmount().amount()).isEqualTo("0.0000");
        assertThat(result.outcomes().get(1).event().reportingAmount().amount()).isEqualTo("0.0002");
    }

    @Test
    void aRateOlderThanSevenDaysIsNotUsedAndTheBatchIsRefusedNamingCurrencyAndDay() {
        rates.with("USD", "2026-05-01", "0.9");

        IngestionResult withinAWeek =
                recordEvents.record(List.of(inDollars("o-1", EventType.PURCHASE, "10", "2026-05-08T12:00:00Z")));
        IngestionResult tooLate = recordEvents.record(List.of(
                purchase("crm-1", "o-2", "5", "09"),
                inDollars("o-3", EventType.PURCHASE, "10", "2026-05-09T12:00:00Z")));

        assertThat(statuses(withinAWeek)).containsExactly(Status.CREATED);
        assertThat(statuses(tooLate)).containsExactly(Status.NOT_STORED, Status.INVALID);
        EventOutcome refused = tooLate.outcomes().get(1);
        assertThat(refused.problem()).isEqualTo("event-rule-violated");
        assertThat(refused.errors()).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo("currency");
            assertThat(violation.rule()).isTrue();
            assertThat(violation.message()).contains("EUR", "2026-05-09", "USD");
        });
        assertThat(store.events()).hasSize(1);
    }

    @Test
    void aRepostAfterTheRateChangedIsADuplicateOfWhatWasStored() {
        rates.with("USD", "2026-05-01", "0.9");
        recordEvents.record(List.of(inDollars("o-1", EventType.PURCHASE, "10", "2026-05-01T12:00:00Z")));
        rates.with("USD", "2026-05-01", "0.5");

        IngestionResult replay =
                recordEvents.record(List.of(inDollars("o-1", EventType.PURCHASE, "10.00", "2026-05-01T12:00:00Z")));

        assertThat(statuses(replay)).containsExactly(Status.DUPLICATE);
        assertThat(replay.outcomes().get(0).event().reportingAmount()).isEqualTo(Money.of("9.0000", "EUR"));
    }

    @Test
    void subscriptionsInAnotherCurrencyAreConvertedAndACancellationIsZero() {
        rates.with("USD", "2026-05-01", "0.9");

        IngestionResult result = recordEvents.record(List.of(
                inDollars("s-1", EventType.SUBSCRIPTION, "30", "2026-05-01T12:00:00Z"),
                inDollars("s-2", EventType.SUBSCRIPTION, "0", "2026-05-02T12:00:00Z")));

        assertThat(statuses(result)).containsExactly(Status.CREATED, Status.CREATED);
        assertThat(result.outcomes().get(0).event().reportingAmount()).isEqualTo(Money.of("27.0000", "EUR"));
        assertThat(result.outcomes().get(1).event().reportingAmount().amount()).isZero();
    }

    @Test
    void aMalformedEventAndAnAmountWithoutARateAreNamedInTheSameAnswer() {
        IngestionResult result = recordEvents.record(List.of(
                purchase("crm-1", "o-1", "-1", "02"),
                inDollars("o-2", EventType.PURCHASE, "10", "2026-05-02T12:00:00Z")));

        assertThat(statuses(result)).containsExactly(Status.INVALID, Status.INVALID);
        assertThat(result.outcomes().get(1).errors())
                .extracting(Violation::field)
                .containsExactly("currency");
    }
}
