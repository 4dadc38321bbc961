package dev.retention.persistence.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.event.Conversion;
import dev.retention.domain.event.CustomerEvent;
import dev.retention.domain.event.CustomerEvents;
import dev.retention.domain.event.EventKeyRef;
import dev.retention.domain.event.EventType;
import dev.retention.domain.event.OrderLine;
import dev.retention.domain.shared.Money;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import dev.retention.persistence.support.AdapterTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** Storing events once per key, and reading a customer's history in order, within bounds, page by page. */
@SpringJUnitConfig({AdapterTest.Infrastructure.class, CustomerEventPersistenceAdapter.class})
class CustomerEventPersistenceAdapterTest extends AdapterTest {

    @Autowired
    private CustomerEvents events;

    private static CustomerEvent purchase(CustomerId customer, String key, String at, String amount) {
        return new CustomerEvent(
                UUID.randomUUID(),
                customer,
                EventType.PURCHASE,
                Instant.parse(at),
                Money.of(amount, "EUR"),
                null,
                null,
                Map.of(),
                key,
                Instant.parse("2026-06-01T00:00:00Z"));
    }

    @Test
    void anEventIsStoredOncePerCustomerAndKey() {
        CustomerId ada = CustomerId.of(customer("crm-1", null));
        CustomerId bob = CustomerId.of(customer("crm-2", null));

        Set<EventKeyRef> first = events.insertNew(List.of(
                purchase(ada, "order-1", "2026-03-01T10:00:00Z", "20.00"),
                purchase(bob, "order-1", "2026-03-01T10:00:00Z", "20.00")));
        Set<EventKeyRef> again = events.insertNew(List.of(
                purchase(ada, "order-1", "2026-03-02T10:00:00Z", "99.00"),
                purchase(ada, "order-2", "2026-03-02T10:00:00Z", "5.00")));

        assertThat(first).containsExactlyInAnyOrder(new EventKeyRef(ada, "order-1"), new EventKeyRef(bob, "order-1"));
        assertThat(again).containsExactly(new EventKeyRef(ada, "order-2"));
        assertThat(jdbc.queryForObject(
                        "select amount from customer_event where customer_id = ? and event_key = 'order-1'",
                        BigDecimal.class,
                        ada.value()))
                .isEqualByComparingTo("20.00");
    }

    @Test
    void theHistoryIsOldestFirstWithinHalfOpenBoundsAndPaged() {
        CustomerId ada = CustomerId.of(customer("crm-1", null));
        events.insertNew(List.of(
                purchase(ada, "c", "2026-03-03T00:00:00Z", "3.00"),
                purchase(ada, "a", "2026-03-01T00:00:00Z", "1.00"),
                purchase(ada, "d", "2026-03-04T00:00:00Z", "4.00"),
                purchase(ada, "b", "2026-03-02T00:00:00Z", "2.00")));

        Page<CustomerEvent> firstPage = events.history(
                ada,
                Instant.parse("2026-03-02T00:00:00Z"),
                Instant.parse("2026-03-04T00:00:00Z"),
                new PageRequest(0, 1));
        Page<CustomerEvent> secondPage = events.history(
                ada,
                Instant.parse("2026-03-02T00:00:00Z"),
                Instant.parse("2026-03-04T00:00:00Z"),
                new PageRequest(1, 1));
        Page<CustomerEvent> all = events.history(ada, null, null, new PageRequest(0, 10));

        assertThat(firstPage.items()).extracting(CustomerEvent::eventKey).containsExactly("b");
        assertThat(secondPage.items()).extracting(CustomerEvent::eventKey).containsExactly("c");
        assertThat(firstPage.totalItems()).isEqualTo(2);
        assertThat(all.items()).extracting(CustomerEvent::eventKey).containsExactly("a", "b", "c", "d");
    }

    @Test
    void anAmountSentInAnotherCurrencyIsStoredConvertedAndReadBackAsSent() {
        CustomerId ada = CustomerId.of(customer("crm-1", null));
        CustomerEvent inDollars = new CustomerEvent(
                UUID.randomUUID(),
                ada,
                EventType.SUBSCRIPTION,
                Instant.parse("2026-03-01T10:00:00Z"),
                Money.of("30.00", "USD"),
                new Conversion(Money.of("27.6000", "EUR"), new BigDecimal("0.92"), LocalDate.parse("2026-02-27")),
                null,
                Map.of(),
                "plan-1",
                Instant.parse("2026-06-01T00:00:00Z"));

        events.insertNew(List.of(inDollars));

        assertThat(jdbc.queryForMap("select amount, currency, original_amount, original_currency from customer_event"))
                .satisfies(row -> {
                    assertThat((BigDecimal) row.get("amount")).isEqualByComparingTo("27.60");
                    assertThat(row.get("currency")).isEqualTo("EUR");
                    assertThat((BigDecimal) row.get("original_amount")).isEqualByComparingTo("30");
                    assertThat(row.get("original_currency")).isEqualTo("USD");
                });
        CustomerEvent read = events.findByKeys(List.of(new EventKeyRef(ada, "plan-1")))
                .values()
                .iterator()
                .next();
        assertThat(read.amount()).isEqualTo(Money.of("30", "USD"));
        assertThat(read.conversion().converted().sameValueAs(Money.of("27.6", "EUR")))
                .isTrue();
        assertThat(read.conversion().rate()).isEqualTo(new BigDecimal("0.92"));
        assertThat(read.conversion().rateDate()).isEqualTo(LocalDate.parse("2026-02-27"));
        assertThat(read.sameContentAs(inDollars)).isTrue();
    }

    @Test
    void anOrdersLinesAreStoredWithItInTheirOrderAndTheirProductsJoinTheCatalogue() {
        CustomerId ada = CustomerId.of(customer("crm-1", null));
        CustomerEvent order = new CustomerEvent(
                UUID.randomUUID(),
                ada,
                EventType.PURCHASE,
                Instant.parse("2026-03-01T10:00:00Z"),
                Money.of("12.75", "EUR"),
                null,
                null,
                Map.of(),
                "order-1",
                Instant.parse("2026-06-01T00:00:00Z"),
                List.of(
                        new OrderLine("mug", 2L, new BigDecimal("4.50")),
                        new OrderLine("tea", 3L, new BigDecimal("1.2500"))));

        events.insertNew(List.of(order));
        events.insertNew(List.of(order));
        CustomerEvent stored =
                events.findByKeys(List.of(new EventKeyRef(ada, "order-1"))).get(new EventKeyRef(ada, "order-1"));

        assertThat(stored.lines()).extracting(OrderLine::productId).containsExactly("mug", "tea");
        assertThat(stored.lines().get(1).unitPrice()).isEqualByComparingTo("1.25");
        assertThat(stored.sameContentAs(order)).isTrue();
        assertThat(events.history(ada, null, null, new PageRequest(0, 5))
                        .items()
                        .get(0)
                        .lines())
                .hasSize(2);
        assertThat(jdbc.queryForObject("select count(*) from customer_event_line", Long.class))
                .as("stored once")
                .isEqualTo(2);
        assertThat(jdbc.queryForList("select id from product order by id", String.class))
                .containsExactly("mug", "tea");
    }
}
