package dev.retention.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.support.ApiTest;
import dev.retention.support.Http.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class BatchApiTest extends ApiTest {

    private static Map<String, Object> purchase(String externalId, String key, Object amount) {
        Map<String, Object> event = new HashMap<>();
        event.put("externalId", externalId);
        event.put("createCustomer", true);
        event.put("type", "PURCHASE");
        event.put("occurredAt", "2026-01-02T10:00:00Z");
        event.put("amount", amount);
        event.put("currency", "EUR");
        event.put("eventKey", key);
        return event;
    }

    private static Map<String, Object> batch(List<Map<String, Object>> events) {
        return Map.of("events", events);
    }

    private List<Map<String, Object>> hundredEventsOfTenCustomers() {
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            events.add(purchase("crm-" + (i % 10), "o-" + i, 10 + i));
        }
        return events;
    }

    @Test
    void aBatchCreatesItsCustomersAndEvents() {
        Response response = http.post("/api/v1/events:batch", batch(hundredEventsOfTenCustomers()));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("created").asLong()).isEqualTo(100);
        assertThat(response.json().get("items").get(42).get("status").asString())
                .isEqualTo("CREATED");
        assertThat(count("customer")).isEqualTo(10);
        assertThat(count("customer_event")).isEqualTo(100);
    }

    @Test
    void theSameBatchPostedThreeTimesIsStoredOnce() {
        List<Map<String, Object>> events = hundredEventsOfTenCustomers();

        JsonNode first = http.post("/api/v1/events:batch", batch(events)).json();
        JsonNode second = http.post("/api/v1/events:batch", batch(events)).json();
        JsonNode third = http.post("/api/v1/events:batch", batch(events)).json();

        assertThat(first.get("created").asLong()).isEqualTo(100);
        assertThat(second.get("created").asLong()).isZero();
        assertThat(second.get("duplicates").asLong()).isEqualTo(100);
        assertThat(third.get("duplicates").asLong()).isEqualTo(100);
        assertThat(count("customer_event")).isEqualTo(100);
        assertThat(count("customer")).isEqualTo(10);
    }

    @Test
    void oneInvalidEventRejectsTheBatchAndWritesNothing() {
        List<Map<String, Object>> events = hundredEventsOfTenCustomers();
        events.set(7, purchase("crm-new", "o-bad", -1));
        Map<String, Object> foreign = purchase("crm-new-2", "o-usd", 5);
        foreign.put("currency", "USD");
        events.set(9, foreign);

        Response response = http.post("/api/v1/events:batch", batch(events));

        assertThat(response.status()).isEqualTo(422);
        JsonNode items = response.json().get("items");
        assertThat(items.get(7).get("status").asString()).isEqualTo("INVALID");
        assertThat(items.get(7).get("errors").get(0).get("field").asString()).isEqualTo("amount");
        assertThat(items.get(9).get("errors").get(0).get("field").asString()).isEqualTo("currency");
        assertThat(items.get(0).get("status").asString()).isEqualTo("NOT_STORED");
        assertThat(response.json().get("rejected").asLong()).isEqualTo(2);
        assertThat(count("customer_event")).isZero();
        assertThat(count("customer")).isZero();
    }

    @Test
    void anUnknownExternalIdWithoutCreateIsRefusedAndCreatesNobody() {
        List<Map<String, Object>> events = new ArrayList<>(List.of(purchase("crm-1", "o-1", 5)));
        Map<String, Object> unknown = purchase("crm-ghost", "o-2", 5);
        unknown.put("createCustomer", false);
        events.add(unknown);

        Response response = http.post("/api/v1/events:batch", batch(events));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("items").get(1).get("problem").asString())
                .isEqualTo("unknown-customer");
        assertThat(count("customer")).isZero();
    }

    @Test
    void aKeyRepeatedInsideOneBatchWithOtherContentIsAConflict() {
        List<Map<String, Object>> events = List.of(purchase("crm-1", "o-1", 5), purchase("crm-1", "o-1", 6));

        Response response = http.post("/api/v1/events:batch", batch(events));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("items").get(1).get("status").asString()).isEqualTo("CONFLICT");
        assertThat(count("customer_event")).isZero();
    }

    @Test
    void concurrentPostsOfTheSameKeyStoreOneRow() throws Exception {
        http.post("/api/v1/customers", Map.of("externalId", "crm-1"));
        Map<String, Object> body = batch(List.of(purchase("crm-1", "o-1", 5)));
        int parallel = 8;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Callable<Response>> posts = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                posts.add(() -> http.post("/api/v1/events:batch", body));
            }
            List<Integer> statuses = new ArrayList<>();
            long created = 0;
            for (Future<Response> future : pool.invokeAll(posts)) {
                statuses.add(future.get().status());
                created += future.get().json().get("created").asLong();
            }
            assertThat(statuses).containsOnly(200);
            assertThat(created).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("customer_event")).isEqualTo(1);
    }

    @Test
    void concurrentBatchesCreatingTheSameCustomerCreateItOnce() throws Exception {
        int parallel = 6;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Callable<Response>> posts = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                Map<String, Object> body = batch(List.of(purchase("crm-shared", "o-" + i, 5)));
                posts.add(() -> http.post("/api/v1/events:batch", body));
            }
            for (Future<Response> future : pool.invokeAll(posts)) {
                assertThat(future.get().status()).as(future.get().toString()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("customer")).isEqualTo(1);
        assertThat(count("customer_event")).isEqualTo(parallel);
    }

    @Test
    void concurrentBatchesNamingTheSameCustomersInOppositeOrdersAreAllStored() throws Exception {
        int customers = 400;
        int rounds = 4;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < rounds; round++) {
                List<Map<String, Object>> ascending = new ArrayList<>();
                List<Map<String, Object>> descending = new ArrayList<>();
                for (int i = 0; i < customers; i++) {
                    int j = customers - 1 - i;
                    // Each batch buys for one half and churns the other, so that the two lock the same customers
                    // for different reasons, in different orders.
                    ascending.add(purchase("crm-" + round + "-" + i, "up-" + i, 5));
                    ascending.add(
                            i < customers / 2
                                    ? purchase("crm-" + round + "-" + i, "more-" + i, 6)
                                    : churn("crm-" + round + "-" + i, "gone-" + i));
                    descending.add(
                            j < customers / 2
                                    ? churn("crm-" + round + "-" + j, "lost-" + j)
                                    : purchase("crm-" + round + "-" + j, "again-" + j, 8));
                    descending.add(purchase("crm-" + round + "-" + j, "down-" + j, 7));
                }
                List<Callable<Response>> posts = List.of(
                        () -> http.post("/api/v1/events:batch", batch(ascending)),
                        () -> http.post("/api/v1/events:batch", batch(descending)));
                for (Future<Response> future : pool.invokeAll(posts)) {
                    assertThat(future.get().status())
                            .as(future.get().toString())
                            .isEqualTo(200);
                    assertThat(future.get().json().get("created").asLong()).isEqualTo(2L * customers);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("customer")).isEqualTo((long) customers * rounds);
        assertThat(count("customer_event")).isEqualTo(4L * customers * rounds);
    }

    private static Map<String, Object> churn(String externalId, String key) {
        Map<String, Object> event = new HashMap<>();
        event.put("externalId", externalId);
        event.put("type", "CHURNED");
        event.put("occurredAt", "2026-02-02T10:00:00Z");
        event.put("eventKey", key);
        return event;
    }
}
