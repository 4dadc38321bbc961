package dev.retention.api.event;

import static dev.retention.api.shared.ProblemAssertions.fieldError;
import static dev.retention.api.shared.ProblemAssertions.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.retention.api.shared.WebSliceTest;
import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.event.Conversion;
import dev.retention.domain.event.CustomerEvent;
import dev.retention.domain.event.CustomerReference;
import dev.retention.domain.event.EventOutcome;
import dev.retention.domain.event.EventSubmission;
import dev.retention.domain.event.EventType;
import dev.retention.domain.event.IngestionResult;
import dev.retention.domain.event.ReadEventHistory;
import dev.retention.domain.event.RecordEvents;
import dev.retention.domain.shared.Money;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import dev.retention.domain.shared.Violation;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Events over HTTP: each outcome of recording one event, the all-or-nothing batch, and the history's paging. */
@WebSliceTest
@Import({EventController.class, EventApiMapperImpl.class, IngestionMetrics.class, EventControllerTest.Meters.class})
class EventControllerTest {

    private static final UUID CUSTOMER = UUID.fromString("1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a");
    private static final UUID EVENT = UUID.fromString("2e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b");
    private static final Instant AT = Instant.parse("2026-11-02T15:04:05Z");
    private static final String PURCHASE = "{\"type\":\"PURCHASE\",\"occurredAt\":\"2026-11-02T15:04:05Z\","
            + "\"amount\":49.90,\"currency\":\"EUR\",\"eventKey\":\"order-1\"}";

    @TestConfiguration
    static class Meters {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Autowired
    private MockMvc mvc;

    @Autowired
    private MeterRegistry meters;

    @MockitoBean
    private RecordEvents recordEvents;

    @MockitoBean
    private ReadEventHistory history;

    private static CustomerEvent purchase() {
        return new CustomerEvent(
                EVENT,
                CustomerId.of(CUSTOMER),
                EventType.PURCHASE,
                AT,
                Money.of("49.90", "EUR"),
                null,
                null,
                Map.of(),
                "order-1",
                Instant.parse("2026-11-02T15:04:06Z"));
    }

    private ResultActions postPurchase() throws Exception {
        return mvc.perform(post("/api/v1/customers/{id}/events", CUSTOMER)
                .contentType(MediaType.APPLICATION_JSON)
                .content(PURCHASE));
    }

    private double purchasesCounted() {
        return meters.counter("retention.events.ingested", "type", "PURCHASE").count();
    }

    private static IngestionResult one(EventOutcome outcome) {
        return new IngestionResult(List.of(outcome));
    }

    @Test
    void aNewEventIsStoredWith201AndCountedByType() throws Exception {
        given(recordEvents.recordOne(any())).willReturn(one(EventOutcome.created(0, purchase())));
        double before = purchasesCounted();

        postPurchase()
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(EVENT.toString()))
                .andExpect(jsonPath("$.customerId").value(CUSTOMER.toString()))
                .andExpect(jsonPath("$.amount").value(49.90))
                .andExpect(jsonPath("$.currency").value("EUR"));

        ArgumentCaptor<EventSubmission> submitted = ArgumentCaptor.forClass(EventSubmission.class);
        verify(recordEvents).recordOne(submitted.capture());
        assertThat(submitted.getValue().customer()).isEqualTo(CustomerReference.byId(CustomerId.of(CUSTOMER)));
        assertThat(submitted.getValue().amount()).isEqualByComparingTo("49.90");
        assertThat(meters.counter("retention.events.ingested", "type", "PURCHASE")
                        .count())
                .isEqualTo(before + 1);
    }

    @Test
    void anAmountSentInAnotherCurrencyIsAnsweredAsSentWithItsConversion() throws Exception {
        CustomerEvent inDollars = new CustomerEvent(
                EVENT,
                CustomerId.of(CUSTOMER),
                EventType.SUBSCRIPTION,
                AT,
                Money.of("30", "USD"),
                new Conversion(Money.of("27.6000", "EUR"), new BigDecimal("0.92"), LocalDate.parse("2026-10-30")),
                null,
                Map.of(),
                "plan-1",
                Instant.parse("2026-11-02T15:04:06Z"));
        given(recordEvents.recordOne(any())).willReturn(one(EventOutcome.created(0, inDollars)));

        postPurchase()
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.type").value("SUBSCRIPTION"))
                .andExpect(jsonPath("$.amount").value(30))
                .andExpect(jsonPath("$.currency").value("USD"))
                .andExpect(jsonPath("$.conversion.amount").value(27.6))
                .andExpect(jsonPath("$.conversion.currency").value("EUR"))
                .andExpect(jsonPath("$.conversion.rate").value(0.92))
                .andExpect(jsonPath("$.conversion.rateDate").value("2026-10-30"));
    }

    @Test
    void theSameKeyWithTheSameContentAnswers200WithTheStoredEventAndCountsNothing() throws Exception {
        given(recordEvents.recordOne(any())).willReturn(one(EventOutcome.duplicate(0, purchase())));
        double before = purchasesCounted();

        postPurchase().andExpect(status().isOk()).andExpect(jsonPath("$.id").value(EVENT.toString()));

        assertThat(meters.counter("retention.events.ingested", "type", "PURCHASE")
                        .count())
                .isEqualTo(before);
    }

    @Test
    void theSameKeyWithOtherContentIsAConflictNamingTheKey() throws Exception {
        given(recordEvents.recordOne(any())).willReturn(one(EventOutcome.conflict(0, purchase())));

        postPurchase()
                .andExpect(status().isConflict())
                .andExpect(problem(409, "event-key-conflict"))
                .andExpect(jsonPath("$.detail").value(containsString("'order-1'")));
    }

    @Test
    void eachRefusalOfOneEventHasItsOwnStatus() throws Exception {
        given(recordEvents.recordOne(any()))
                .willReturn(one(EventOutcome.invalid(
                        0, "event-rule-violated", List.of(new Violation("currency", "must be EUR")))))
                .willReturn(one(EventOutcome.invalid(0, "customer-erased", List.of())))
                .willReturn(one(EventOutcome.invalid(
                        0, "invalid-input", List.of(new Violation("amount", "must be positive")))));

        postPurchase()
                .andExpect(status().isUnprocessableContent())
                .andExpect(problem(422, "event-rule-violated"))
                .andExpect(fieldError("currency"));
        postPurchase().andExpect(status().isConflict()).andExpect(problem(409, "customer-erased"));
        postPurchase()
                .andExpect(status().isBadRequest())
                .andExpect(problem(400, "invalid-input"))
                .andExpect(fieldError("amount"));
    }

    @Test
    void aRefusedBatchIsAProblemListingEveryEventsOutcome() throws Exception {
        given(recordEvents.record(anyList()))
                .willReturn(new IngestionResult(List.of(
                        EventOutcome.notStored(0),
                        EventOutcome.invalid(1, "invalid-input", List.of(new Violation("type", "is required"))))));

        mvc.perform(post("/api/v1/events:batch")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"events\":[{\"externalId\":\"crm-1\",\"createCustomer\":true,\"type\":\"LOGIN\","
                                + "\"occurredAt\":\"2026-11-02T15:04:05Z\"},{\"externalId\":\"crm-2\"}]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(problem(422, "batch-rejected"))
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.items[0].status").value("NOT_STORED"))
                .andExpect(jsonPath("$.items[1].status").value("INVALID"))
                .andExpect(jsonPath("$.items[1].errors[0].field").value("type"));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<EventSubmission>> submitted = ArgumentCaptor.forClass(List.class);
        verify(recordEvents).record(submitted.capture());
        assertThat(submitted.getValue().get(0).customer()).isEqualTo(CustomerReference.byExternalId("crm-1", true));
        assertThat(submitted.getValue().get(1).customer()).isEqualTo(CustomerReference.byExternalId("crm-2", false));
    }

    @Test
    void aBatchOfMoreThan5000EventsIsRefusedBeforeAnythingIsRecorded() throws Exception {
        String events = IntStream.range(0, RecordEvents.MAX_BATCH_SIZE + 1)
                .mapToObj(i -> "{\"externalId\":\"crm-" + i + "\",\"type\":\"LOGIN\"}")
                .collect(Collectors.joining(",", "{\"events\":[", "]}"));

        mvc.perform(post("/api/v1/events:batch")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(events))
                .andExpect(status().isBadRequest())
                .andExpect(problem(400, "invalid-input"))
                .andExpect(fieldError("events"));

        verifyNoInteractions(recordEvents);
    }

    @Test
    void theHistoryIsPagedBetweenTheGivenInstants() throws Exception {
        Instant from = Instant.parse("2026-11-01T00:00:00Z");
        Instant to = Instant.parse("2026-12-01T00:00:00Z");
        given(history.of(CustomerId.of(CUSTOMER), from, to, new PageRequest(0, 10)))
                .willReturn(new Page<>(List.of(purchase()), 0, 10, 1));

        mvc.perform(get("/api/v1/customers/{id}/events", CUSTOMER)
                        .param("from", "2026-11-01T00:00:00Z")
                        .param("to", "2026-12-01T00:00:00Z")
                        .param("size", "10"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].eventKey").value("order-1"))
                .andExpect(jsonPath("$.items[0].amount").value(new BigDecimal("49.90").doubleValue()));
    }
}
