package dev.retention.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.domain.webhook.DispatchWebhooks;
import dev.retention.domain.webhook.PruneWebhookLog;
import dev.retention.domain.webhook.RetrySchedule;
import dev.retention.domain.webhook.WebhookSecret;
import dev.retention.domain.webhook.WebhookStore;
import dev.retention.domain.webhook.WebhookTargets;
import dev.retention.support.BatchEvents;
import dev.retention.support.Http.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Deliveries end to end, against a receiver on localhost: the signals raised with the changes that cause them, the
 * signed messages, retries through a receiver that is down, slow or failing.
 */
class WebhookDeliveryTest extends WebhookTest {

    @Autowired
    private WebhookStore store;

    private String churn(String externalId, String at) {
        BatchEvents events = new BatchEvents();
        events.add(externalId, "ACQUIRED", "2026-01-05T10:00:00Z", null);
        events.add(externalId, "CHURNED", at, null);
        Response stored = http.post("/api/v1/events:batch", events.body());
        assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
        return stored.json().get("items").get(1).get("eventId").asString();
    }

    @Test
    void aChurnIsPostedOnceSignedWithTheSubscriptionsSecret() throws Exception {
        try (Receiver receiver = Receiver.started(call -> Receiver.Answer.status(204))) {
            JsonNode created = subscribe(receiver.url(), List.of("customer.churned"), null);
            String secret = created.get("secret").asString();
            String webhook = created.get("webhook").get("id").asString();

            String eventId = churn("crm-1", "2026-06-01T12:00:00Z");
            deliverAll();

            assertThat(receiver.requests()).hasSize(1);
            Receiver.Request request = receiver.requests().get(0);
            assertThat(request.signature())
                    .isEqualTo(new WebhookSecret(secret)
                            .sign(request.id(), Long.parseLong(request.timestamp()), request.body()));
            assertThat(request.signature())
                    .isNotEqualTo(WebhookSecret.generate()
                            .sign(request.id(), Long.parseLong(request.timestamp()), request.body()));
            assertThat(request.contentType()).isEqualTo("application/json");
            JsonNode message = JSON.readTree(request.body());
            assertThat(message.get("type").asString()).isEqualTo("customer.churned");
            assertThat(message.get("data").get("externalId").asString()).isEqualTo("crm-1");
            assertThat(message.get("data").get("eventId").asString()).isEqualTo(eventId);
            assertThat(message.get("data").get("occurredAt").asString()).isEqualTo("2026-06-01T12:00:00.000000Z");

            JsonNode log =
                    http.get("/api/v1/webhooks/" + webhook + "/deliveries").json();
            assertThat(log.get("totalItems").asLong()).isEqualTo(1);
            JsonNode delivery = log.get("items").get(0);
            assertThat(delivery.get("id").asString()).isEqualTo(request.id());
            assertThat(delivery.get("status").asString()).isEqualTo("DELIVERED");
            assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
            assertThat(delivery.get("lastStatusCode").asInt()).isEqualTo(204);
            assertThat(delivery.get("message").get("data").get("eventId").asString())
                    .isEqualTo(eventId);
            assertThat(http.get("/api/v1/webhooks/" + webhook + "/deliveries?status=FAILED")
                            .json()
                            .get("totalItems")
                            .asLong())
                    .isZero();
        }
    }

    @Test
    void aReceiverThatIsDownThenFailingThenSlowGetsTheMessageInTheEndWithOneId() throws Exception {
        // calls once it listens: 0 answers 500, 1 answers 200 after the 2 s timeout, 2 answers 200 at once
        try (Receiver receiver = Receiver.onFreePort(call -> switch (call) {
            case 0 -> Receiver.Answer.status(500);
            case 1 -> new Receiver.Answer(3_000, 200);
            default -> Receiver.Answer.status(200);
        })) {
            String webhook = subscribe(receiver.url(), List.of("customer.churned"), null)
                    .get("webhook")
                    .get("id")
                    .asString();
            churn("crm-1", "2026-06-01T12:00:00Z");

            dispatch.runOnce(); // nobody listens: connection refused
            JsonNode afterRefusal = http.get("/api/v1/webhooks/" + webhook + "/deliveries")
                    .json()
                    .get("items")
                    .get(0);
            assertThat(afterRefusal.get("status").asString()).isEqualTo("PENDING");
            assertThat(afterRefusal.get("lastError").asString()).startsWith("no answer");
            assertThat(http.get("/api/v1/webhooks/" + webhook).json().has("failingSince"))
                    .isTrue();

            receiver.start();
            deliverAll();
            Thread.sleep(3_200); // the slow answer arrives late

            JsonNode delivery = http.get("/api/v1/webhooks/" + webhook + "/deliveries")
                    .json()
                    .get("items")
                    .get(0);
            assertThat(delivery.get("status").asString()).isEqualTo("DELIVERED");
            assertThat(delivery.get("attempts").asInt()).isEqualTo(4);
            assertThat(receiver.requests()).hasSize(3);
            assertThat(receiver.requests())
                    .extracting(Receiver.Request::id)
                    .containsOnly(delivery.get("id").asString());
            assertThat(http.get("/api/v1/webhooks/" + webhook).json().has("failingSince"))
                    .as("a success ends the failing streak")
                    .isFalse();

            dispatch.runOnce();
            assertThat(receiver.requests()).as("nothing more once acknowledged").hasSize(3);
        }
    }

    @Test
    void aThousandMessagesArriveNoneLostNoneAcknowledgedTwiceWhileEveryThirdCallFails() throws Exception {
        try (Receiver receiver = Receiver.started(call -> Receiver.Answer.status(call % 3 == 2 ? 503 : 200))) {
            subscribe(receiver.url(), List.of("customer.churned"), null);
            BatchEvents events = new BatchEvents();
            for (int i = 0; i < 1_000; i++) {
                events.add("crm-" + i, "ACQUIRED", "2026-01-05T10:00:00Z", null);
                events.add("crm-" + i, "CHURNED", "2026-06-01T12:00:00Z", null);
            }
            assertThat(http.post("/api/v1/events:batch", events.body()).status())
                    .isEqualTo(200);

            deliverAll();

            Map<String, Long> acknowledged = receiver.requests().stream()
                    .filter(Receiver.Request::acknowledged)
                    .collect(Collectors.groupingBy(Receiver.Request::id, Collectors.counting()));
            assertThat(acknowledged).hasSize(1_000);
            assertThat(acknowledged.values()).containsOnly(1L);
            List<String> customers = new ArrayList<>();
            for (Receiver.Request request : receiver.requests()) {
                if (request.acknowledged()) {
                    customers.add(JSON.readTree(request.body())
                            .get("data")
                            .get("externalId")
                            .asString());
                }
            }
            assertThat(customers).doesNotHaveDuplicates().hasSize(1_000);
            assertThat(receiver.requests().size() - 1_000)
                    .as("failed calls, retried")
                    .isBetween(400, 600);
            assertThat(count("webhook_delivery where status = 'DELIVERED'")).isEqualTo(1_000);
        }
    }

    @Test
    void aBatchRolledBackRaisesNoSignal() {
        BatchEvents first = new BatchEvents();
        first.add("crm-1", "PURCHASE", "2026-05-01T10:00:00Z", "10.00");
        assertThat(http.post("/api/v1/events:batch", first.body()).status()).isEqualTo(200);

        // the churn of crm-2 is written, then the reused key of crm-1 with other content undoes the batch
        Map<String, Object> churn = Map.of(
                "externalId", "crm-2",
                "createCustomer", true,
                "type", "CHURNED",
                "occurredAt", "2026-05-02T10:00:00Z",
                "eventKey", "c1");
        Map<String, Object> conflicting = Map.of(
                "externalId", "crm-1",
                "type", "PURCHASE",
                "occurredAt", "2026-05-01T10:00:00Z",
                "amount", "99.00",
                "currency", "EUR",
                "eventKey", "e0");
        Response rejected = http.post("/api/v1/events:batch", Map.of("events", List.of(churn, conflicting)));

        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(422);
        assertThat(count("customer_event where type = 'CHURNED'")).isZero();
        assertThat(count("webhook_signal")).isZero();

        assertThat(http.post("/api/v1/events:batch", Map.of("events", List.of(churn)))
                        .status())
                .isEqualTo(200);
        assertThat(count("webhook_signal where kind = 'customer.churned'")).isEqualTo(1);
    }

    @Test
    void messagesFollowTheFiltersOfEachSubscription() throws Exception {
        try (Receiver retail = Receiver.started(call -> Receiver.Answer.status(200));
                Receiver everyone = Receiver.started(call -> Receiver.Answer.status(200))) {
            subscribe(retail.url(), List.of("customer.churned"), Map.of("segment", "retail"));
            subscribe(everyone.url(), List.of("customer.churned", "customer.reactivated"), null);
            http.post("/api/v1/customers", Map.of("externalId", "crm-r", "segment", "retail"));
            http.post("/api/v1/customers", Map.of("externalId", "crm-s", "segment", "sme"));
            churn("crm-r", "2026-06-01T12:00:00Z");
            churn("crm-s", "2026-06-01T12:00:00Z");
            Response back = http.post(
                    "/api/v1/events:batch",
                    Map.of(
                            "events",
                            List.of(Map.of(
                                    "externalId", "crm-r",
                                    "type", "REACTIVATED",
                                    "occurredAt", "2026-07-01T12:00:00Z",
                                    "eventKey", "back"))));
            assertThat(back.status()).as(back.toString()).isEqualTo(200);

            deliverAll();

            Function<Receiver, List<String>> seen = receiver -> receiver.requests().stream()
                    .map(request -> JSON.readTree(request.body()))
                    .map(message -> message.get("type").asString() + " "
                            + message.get("data").get("externalId").asString())
                    .sorted()
                    .toList();
            assertThat(seen.apply(retail)).containsExactly("customer.churned crm-r");
            assertThat(seen.apply(everyone))
                    .containsExactly("customer.churned crm-r", "customer.churned crm-s", "customer.reactivated crm-r");
        }
    }

    @Test
    void aDayOfFailuresStopsTheSubscriptionUntilItIsTurnedOnAgainAndAMessageCanBeSentAgain() throws Exception {
        try (Receiver receiver = Receiver.started(call -> Receiver.Answer.status(200))) {
            String webhook = subscribe(receiver.url(), List.of("customer.churned"), null)
                    .get("webhook")
                    .get("id")
                    .asString();
            churn("crm-1", "2026-06-01T12:00:00Z");
            MovableClock clock = new MovableClock(Instant.now());
            // the receiver is up, but this dispatcher's requests all come back 503
            DispatchWebhooks failing = new DispatchWebhooks(
                    store,
                    (url, headers, body) -> 503,
                    new WebhookTargets(true, true, false, WebhookTargets.systemResolver()),
                    RetrySchedule.DEFAULT,
                    Runnable::run,
                    100,
                    clock);

            failing.runOnce();
            clock.move(Duration.ofHours(23));
            failing.runOnce();
            assertThat(http.get("/api/v1/webhooks/" + webhook)
                            .json()
                            .get("active")
                            .asBoolean())
                    .as("23 hours of failures")
                    .isTrue();
            clock.move(Duration.ofHours(1));
            failing.runOnce();

            JsonNode stopped = http.get("/api/v1/webhooks/" + webhook).json();
            assertThat(stopped.get("active").asBoolean()).isFalse();
            assertThat(stopped.get("disabledReason").asString())
                    .contains("every delivery attempt since", "answered 503");
            JsonNode delivery = http.get("/api/v1/webhooks/" + webhook + "/deliveries")
                    .json()
                    .get("items")
                    .get(0);
            assertThat(delivery.get("status").asString()).isEqualTo("FAILED");
            assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
            assertThat(delivery.get("lastStatusCode").asInt()).isEqualTo(503);
            assertThat(delivery.has("nextAttemptAt")).isFalse();

            Response resumed = http.put(
                    "/api/v1/webhooks/" + webhook,
                    Map.of("url", receiver.url(), "kinds", List.of("customer.churned"), "active", true));
            assertThat(resumed.json().get("active").asBoolean()).isTrue();
            assertThat(resumed.json().has("disabledReason")).isFalse();
            String deliveryId = delivery.get("id").asString();
            Response again =
                    http.post("/api/v1/webhooks/" + webhook + "/deliveries/" + deliveryId + ":redeliver", null);
            assertThat(again.status()).as(again.toString()).isEqualTo(202);
            assertThat(again.json().get("status").asString()).isEqualTo("PENDING");
            deliverAll();

            assertThat(receiver.requests()).extracting(Receiver.Request::id).containsExactly(deliveryId);
            assertThat(http.get("/api/v1/webhooks/" + webhook + "/deliveries/" + deliveryId)
                            .json()
                            .get("status")
                            .asString())
                    .isEqualTo("DELIVERED");
        }
    }

    @Test
    void dispatchersRunningAtOnceNeverSendTheSameDelivery() throws Exception {
        try (Receiver receiver = Receiver.started(call -> Receiver.Answer.status(200))) {
            subscribe(receiver.url(), List.of("customer.churned"), null);
            BatchEvents events = new BatchEvents();
            for (int i = 0; i < 300; i++) {
                events.add("crm-" + i, "ACQUIRED", "2026-01-05T10:00:00Z", null);
                events.add("crm-" + i, "CHURNED", "2026-06-01T12:00:00Z", null);
            }
            assertThat(http.post("/api/v1/events:batch", events.body()).status())
                    .isEqualTo(200);
            // as several instances would: each of four threads fans out, claims and sends, round after round
            ExecutorService instances = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    running.add(instances.submit(() -> {
                        for (int round = 0; round < 20; round++) {
                            dispatch.runOnce();
                        }
                        return null;
                    }));
                }
                for (Future<?> instance : running) {
                    instance.get(60, TimeUnit.SECONDS);
                }
            } finally {
                instances.shutdownNow();
            }

            assertThat(receiver.requests()).hasSize(300);
            assertThat(receiver.requests()).extracting(Receiver.Request::id).doesNotHaveDuplicates();
            assertThat(count("webhook_delivery where status = 'DELIVERED'")).isEqualTo(300);
        }
    }

    @Test
    void finishedDeliveriesLeaveTheLogAfterTheRetentionAndPendingOnesStay() throws Exception {
        try (Receiver receiver = Receiver.started(call -> Receiver.Answer.status(200))) {
            subscribe(receiver.url(), List.of("customer.churned"), null);
            String paused = subscribe(receiver.url(), List.of("customer.churned"), null)
                    .get("webhook")
                    .get("id")
                    .asString();
            churn("crm-1", "2026-06-01T12:00:00Z");
            store.fanOut(100, Instant.now());
            http.put(
                    "/api/v1/webhooks/" + paused,
                    Map.of("url", receiver.url(), "kinds", List.of("customer.churned"), "active", false));
            deliverAll(); // the first subscription's message goes out; the paused one's waits

            Clock in29Days = Clock.fixed(Instant.now().plus(Duration.ofDays(29)), ZoneOffset.UTC);
            Clock in31Days = Clock.fixed(Instant.now().plus(Duration.ofDays(31)), ZoneOffset.UTC);
            PruneWebhookLog.Pruned early = new PruneWebhookLog(store, Duration.ofDays(30), in29Days).run();
            PruneWebhookLog.Pruned late = new PruneWebhookLog(store, Duration.ofDays(30), in31Days).run();

            assertThat(receiver.requests()).hasSize(1);
            assertThat(early.signals())
                    .as("the signal became deliveries over a day before")
                    .isEqualTo(1);
            assertThat(early.deliveries()).isZero();
            assertThat(late.deliveries()).isEqualTo(1);
            assertThat(count("webhook_delivery where status = 'PENDING'")).isEqualTo(1);
            assertThat(count("webhook_delivery")).isEqualTo(1);
        }
    }

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
