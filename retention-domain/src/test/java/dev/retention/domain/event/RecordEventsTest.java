package dev.retention.domain.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.domain.customer.Customer;
import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.event.EventOutcome.Status;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordEventsTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    private final InMemoryStore store = new InMemoryStore();
    private final RecordEvents recordEvents = new RecordEvents(
            store, store, new EventRules(Currency.getInstance("EUR")), store, Clock.fixed(NOW, ZoneOffset.UTC));

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
}
