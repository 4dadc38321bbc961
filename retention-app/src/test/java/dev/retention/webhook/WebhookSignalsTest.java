package dev.retention.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.domain.webhook.ScanWebhookSignals;
import dev.retention.domain.webhook.WebhookKind;
import dev.retention.domain.webhook.WebhookStore;
import dev.retention.support.Http.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The signals that are not events: tier changes and P(alive) crossings raised by the database with the change, and
 * what the scan finds (at-risk entries, expiring points, the churn rate above a threshold), each announced once.
 */
class WebhookSignalsTest extends WebhookTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Autowired
    private ScanWebhookSignals scan;

    @Autowired
    private WebhookStore store;

    private final List<Map<String, Object>> events = new ArrayList<>();

    private void event(String customer, String type, Instant at, String amount) {
        Map<String, Object> event = new java.util.HashMap<>(Map.of(
                "externalId",
                customer,
                "createCustomer",
                true,
                "type",
                type,
                "occurredAt",
                at.toString(),
                "eventKey",
                "e" + events.size()));
        if (amount != null) {
            event.put("amount", amount);
            event.put("currency", "EUR");
        }
        events.add(event);
    }

    private void buildRecommendations() throws InterruptedException {
        Response accepted = http.post("/api/v1/recommendation-models", Map.of("minimumCoBuyers", 1, "shrinkage", 0));
        for (int attempt = 0; attempt < 600; attempt++) {
            String status =
                    http.get(accepted.header("Location")).json().get("status").asString();
            if (status.equals("SUCCEEDED")) {
                return;
            }
            assertThat(status).isNotEqualTo("FAILED");
            Thread.sleep(50);
        }
        throw new AssertionError("the recommendation model was not built within 30 s");
    }

    private void send() {
        Response stored = http.post("/api/v1/events:batch", Map.of("events", events));
        assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
        events.clear();
    }

    private String customerId(String externalId) {
        return http.get("/api/v1/customers?externalId=" + externalId)
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asString();
    }

    private static Instant daysAgo(int days) {
        return NOW.minus(days, ChronoUnit.DAYS);
    }

    private JsonNode onlyMessage(Receiver receiver) {
        assertThat(receiver.requests()).hasSize(1);
        return JSON.readTree(receiver.requests().get(0).body());
    }

    @Test
    void aMemberMovingUpATierIsAnnounced() throws Exception {
        try (Receiver receiver = Receiver.started(call -> Receiver.Answer.status(200))) {
            subscribe(receiver.url(), List.of("loyalty.tier_changed"), null);
            Response programme = http.post(
                    "/api/v1/loyalty/programme/versions",
                    Map.of(
                            "pointsPerUnit",
                            "1",
                            "autoEnrol",
                            true,
                            "tiers",
                            List.of(
                                    Map.of("name", "Green", "qualifyingPoints", 0, "multiplier", "1"),
                                    Map.of("name", "Gold", "qualifyingPoints", 100, "multiplier", "1.5"))));
            assertThat(programme.status()).as(programme.toString()).isEqualTo(201);
            Instant soon = Instant.now().plusSeconds(5); // after the programme's start
            event("member", "PURCHASE", soon, "50.00"); // 50 points: Green
            send();
            event("member", "PURCHASE", soon.plusSeconds(60), "60.00"); // 110: Gold
            events.set(0, new java.util.HashMap<>(events.get(0)));
            events.get(0).put("eventKey", "second");
            send();

            deliverAll();

            JsonNode message = onlyMessage(receiver);
            assertThat(message.get("type").asString()).isEqualTo("loyalty.tier_changed");
            assertThat(message.get("data").get("externalId").asString()).isEqualTo("member");
            assertThat(message.get("data").get("previousTier").asString()).isEqualTo("Green");
            assertThat(message.get("data").get("tier").asString()).isEqualTo("Gold");
        }
    }

    /**
     * Previous model: A 0.5, B 0.2, C 0.6; new model: A 0.25, B 0.1, C 0.35, D 0.1 (D new). Below 0.3 now and not
     * before: A (crossed) and D (no previous prediction); B was below already, C stays above.
     */
    @Test
    void customersWhoseProbabilityAliveFallsBelowTheThresholdAreAnnouncedWhenAFitBecomesCurrent() throws Exception {
        try (Receiver receiver = Receiver.started(call -> Receiver.Answer.status(200))) {
            String webhook = subscribe(
                            receiver.url(), List.of("customer.p_alive_below"), Map.of("probabilityAliveBelow", 0.3))
                    .get("webhook")
                    .get("id")
                    .asString();
            for (String customer : List.of("A", "B", "C", "D")) {
                event(customer, "PURCHASE", daysAgo(30), "10.00");
            }
            send();
            UUID previous = model(Map.of("A", 0.5, "B", 0.2, "C", 0.6), Instant.parse("2026-01-01T00:00:00Z"));
            succeed(previous);
            deliverAll();
            assertThat(acknowledged(receiver))
                    .as("the first model: B is below")
                    .containsExactly("customer.p_alive_below B");

            UUID current =
                    model(Map.of("A", 0.25, "B", 0.1, "C", 0.35, "D", 0.1), Instant.parse("2026-02-01T00:00:00Z"));
            succeed(current);
            deliverAll();

            assertThat(acknowledged(receiver))
                    .containsExactly(
                            "customer.p_alive_below A", "customer.p_alive_below B", "customer.p_alive_below D");
            JsonNode a = receiver.requests().stream()
                    .map(request -> JSON.readTree(request.body()))
                    .filter(message ->
                            message.get("data").get("externalId").asString().equals("A"))
                    .findFirst()
                    .orElseThrow();
            assertThat(a.get("data").get("probabilityAlive").asDouble()).isEqualTo(0.25);
            assertThat(a.get("data").get("previousProbabilityAlive").asDouble()).isEqualTo(0.5);
            assertThat(a.get("data").get("threshold").asDouble()).isEqualTo(0.3);
            assertThat(a.get("data").get("modelId").asString()).isEqualTo(current.toString());
            assertThat(http.get("/api/v1/webhooks/" + webhook + "/deliveries")
                            .json()
                            .get("totalItems")
                            .asLong())
                    .isEqualTo(3);
        }
    }

    /** A running fit of all customers with the given P(alive), as the fitting job leaves it before it succeeds. */
    private UUID model(Map<String, Double> probabilities, Instant requested) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into clv_model (id, trigger, calibration_end, time_unit, horizon_months, monthly_discount_rate,
                    zone, status, stage, progress_percent, requested_at, started_at)
                values (?, 'REQUESTED', current_date, 'WEEK', 12, 0.01, 'UTC', 'RUNNING', 'scoring', 90, ?, ?)
                """, id, requested.atOffset(ZoneOffset.UTC), requested.atOffset(ZoneOffset.UTC));
        probabilities.forEach((customer, probability) -> jdbc.update("""
                insert into customer_prediction (model_id, customer_id, frequency, recency, age, average_repeat_spend,
                    probability_alive, expected_purchases_30_days, expected_purchases_90_days,
                    expected_purchases_365_days, expected_average_spend, lifetime_value)
                values (?, ?::uuid, 1, 1, 2, 10, ?, 0.1, 0.3, 1, 10, 10)
                """, id, customerId(customer), probability));
        return id;
    }

    private void succeed(UUID model) {
        jdbc.update(
                "update clv_model set status = 'SUCCEEDED', finished_at = started_at + interval '1 minute' where id = ?",
                model);
        jdbc.update("""
                delete from customer_prediction p using clv_model m
                where p.model_id = m.id and m.id <> ?
                """, model);
    }

    @Test
    void aCustomerEnteringTheAtRiskListIsAnnouncedOnceAndForgottenWhenItLeaves() throws Exception {
        try (Receiver receiver = Receiver.started(call -> Receiver.Answer.status(200))) {
            subscribe(receiver.url(), List.of("customer.at_risk"), Map.of("minimumValueAtRisk", 100));
            for (int days : new int[] {55, 45, 35, 25}) {
                event("A", "PURCHASE", daysAgo(days), "50.00"); // every 10 days, silent 25: at risk, 200 at risk
                event("S", "PURCHASE", daysAgo(days), "5.00"); // the same rhythm, but only 20 at risk
            }
            event("B", "PURCHASE", daysAgo(12), "50.00");
            event("B", "PURCHASE", daysAgo(6), "50.00");
            event("B", "PURCHASE", daysAgo(1), "50.00"); // every 5 or 6 days, silent 1: fine
            // Everyone bought tea; B also a pot, so the pot is what the buyers of tea also bought.
            events.forEach(event -> event.put("productId", "tea"));
            events.get(events.size() - 1).put("productId", "pot");
            send();
            buildRecommendations();

            assertThat(scan.run().atRisk()).isEqualTo(2);
            assertThat(store.announced(
                            WebhookKind.CUSTOMER_AT_RISK, List.of(customerId("A"), customerId("S"), customerId("B"))))
                    .as("what a later scan leaves out, recommendations included")
                    .containsExactlyInAnyOrder(customerId("A"), customerId("S"));
            assertThat(scan.run().atRisk()).as("announced already").isZero();
            deliverAll();

            JsonNode message = onlyMessage(receiver);
            assertThat(message.get("type").asString()).isEqualTo("customer.at_risk");
            assertThat(message.get("data").get("externalId").asString()).isEqualTo("A");
            assertThat(message.get("data").get("valueAtRisk").decimalValue()).isEqualByComparingTo("200");
            assertThat(message.get("data").get("thresholdDays").asDouble()).isEqualTo(20.0);
            assertThat(message.get("data").get("reason").asString()).contains("every 10 days");
            assertThat(message.get("data").get("recommendedProducts"))
                    .extracting(JsonNode::asString)
                    .containsExactly("pot");

            event("A", "PURCHASE", daysAgo(0), "50.00");
            events.set(0, new java.util.HashMap<>(events.get(0)));
            events.get(0).put("eventKey", "back");
            send();
            scan.run();
            assertThat(count("webhook_announcement where subject = '" + customerId("A") + "'"))
                    .as("off the list: a later return is announced again")
                    .isZero();
            assertThat(count("webhook_announcement where subject = '" + customerId("S") + "'"))
                    .isEqualTo(1);
        }
    }

    /**
     * X and Y acquired before last month, Y churned in it: last month's churn rate (contractual, UTC) is 1 / 2 =
     * 50%, above 40 and not above 60.
     */
    @Test
    void aChurnRateAboveASubscriptionsThresholdIsAnnouncedOncePerMonth() throws Exception {
        try (Receiver forty = Receiver.started(call -> Receiver.Answer.status(200));
                Receiver sixty = Receiver.started(call -> Receiver.Answer.status(200))) {
            subscribe(forty.url(), List.of("metric.threshold"), Map.of("churnRateAbove", 40));
            subscribe(sixty.url(), List.of("metric.threshold"), Map.of("churnRateAbove", "60"));
            LocalDate lastMonth =
                    LocalDate.ofInstant(NOW, ZoneOffset.UTC).withDayOfMonth(1).minusMonths(1);
            Instant before = lastMonth.minusMonths(2).atStartOfDay().toInstant(ZoneOffset.UTC);
            event("X", "ACQUIRED", before, null);
            event("Y", "ACQUIRED", before, null);
            event("Y", "CHURNED", lastMonth.plusDays(9).atStartOfDay().toInstant(ZoneOffset.UTC), null);
            send();

            assertThat(scan.run().metricThresholds()).isEqualTo(1);
            assertThat(scan.run().metricThresholds()).isZero();
            deliverAll();

            assertThat(sixty.requests()).isEmpty();
            JsonNode data = onlyMessage(forty).get("data");
            assertThat(data.get("metric").asString()).isEqualTo("churnRate");
            assertThat(data.get("periodStart").asString()).isEqualTo(lastMonth.toString());
            assertThat(data.get("periodEnd").asString())
                    .isEqualTo(lastMonth.plusMonths(1).toString());
            assertThat(data.get("value").decimalValue()).isEqualByComparingTo("50");
            assertThat(data.get("threshold").decimalValue()).isEqualByComparingTo("40");
            assertThat(data.get("startCustomers").asLong()).isEqualTo(2);
            assertThat(data.get("churned").asLong()).isEqualTo(1);
        }
    }

    @Test
    void pointsAreAnnouncedOnceWithinTheNoticeBeforeTheyExpire() throws Exception {
        try (Receiver receiver = Receiver.started(call -> Receiver.Answer.status(200))) {
            subscribe(receiver.url(), List.of("loyalty.points_expiring"), null);
            event("M", "ACQUIRED", daysAgo(400), null);
            send();
            String member = customerId("M");
            jdbc.update("""
                    insert into loyalty_account (customer_id, enrolled_at, balance, lifetime_points, shortfall, tier,
                        tier_since, updated_at)
                    values (?::uuid, now(), 130, 130, 0, 'Green', now(), now())
                    """, member);
            UUID soon = UUID.randomUUID();
            lot(member, soon, 3, 80, 50); // 50 of 80 left, expiring in 3 days: announced
            lot(member, UUID.randomUUID(), 30, 60, 60); // in 30 days: later
            lot(member, UUID.randomUUID(), 2, 20, 0); // spent: nothing to lose

            assertThat(scan.run().pointsExpiring()).isEqualTo(1);
            assertThat(scan.run().pointsExpiring()).isZero();
            deliverAll();

            JsonNode data = onlyMessage(receiver).get("data");
            assertThat(data.get("lotId").asString()).isEqualTo(soon.toString());
            assertThat(data.get("points").asLong()).isEqualTo(50);
            assertThat(data.get("externalId").asString()).isEqualTo("M");
        }
    }

    private void lot(String member, UUID id, int expiresInDays, long points, long remaining) {
        jdbc.update("""
                insert into loyalty_lot (id, customer_id, earned_at, expires_at, points, remaining)
                values (?, ?::uuid, now() - interval '360 days', now() + ? * interval '1 day', ?, ?)
                """, id, member, expiresInDays, points, remaining);
    }

    /**
     * 200 customers, half kept out: each treated one spends 100 to 149 in the window, each held-out one 10 to 14,
     * so revenue per customer is significantly higher with the strategy; retention (all active) is not different.
     */
    @Test
    void aStrategyWhoseEffectBecomesSignificantIsAnnouncedOnce() throws Exception {
        try (Receiver receiver = Receiver.started(call -> Receiver.Answer.status(200))) {
            subscribe(receiver.url(), List.of("strategy.verdict"), Map.of("segment", "retail"));
            for (int i = 0; i < 200; i++) {
                event("c" + i, "ACQUIRED", daysAgo(30), null);
            }
            send();
            jdbc.update("update customer set segment = 'pilot'");
            Response created = http.post(
                    "/api/v1/strategies",
                    Map.of(
                            "name",
                            "Win back",
                            "type",
                            "PERSONALISED_MARKETING",
                            "action",
                            "10% voucher",
                            "channel",
                            "EMAIL",
                            "target",
                            Map.of("customerSegment", "pilot"),
                            "startsAt",
                            daysAgo(10).toString(),
                            "endsAt",
                            NOW.plus(10, ChronoUnit.DAYS).toString(),
                            "holdoutPercent",
                            50));
            String strategy = created.json().get("id").asString();
            assertThat(http.post("/api/v1/strategies/" + strategy + "/transitions", Map.of("status", "ACTIVE"))
                            .status())
                    .isEqualTo(200);
            JsonNode assigned = http.get("/api/v1/strategies/" + strategy + "/assignments?size=500")
                    .json()
                    .get("items");
            int i = 0;
            for (JsonNode assignment : assigned) {
                boolean treated = assignment.get("group").asString().equals("TREATMENT");
                Map<String, Object> purchase = Map.of(
                        "customerId",
                        assignment.get("customerId").asString(),
                        "type",
                        "PURCHASE",
                        "occurredAt",
                        daysAgo(1).toString(),
                        "amount",
                        treated ? String.valueOf(100 + i % 50) : String.valueOf(10 + i % 5),
                        "currency",
                        "EUR",
                        "eventKey",
                        "p");
                events.add(purchase);
                i++;
            }
            send();

            assertThat(scan.run().strategyVerdicts()).isEqualTo(1);
            assertThat(scan.run().strategyVerdicts()).isZero();
            deliverAll();

            JsonNode data = onlyMessage(receiver).get("data");
            assertThat(data.get("strategyId").asString()).isEqualTo(strategy);
            assertThat(data.get("window").asString()).isEqualTo("DURING");
            assertThat(data.get("figure").asString()).isEqualTo("revenuePerCustomer");
            assertThat(data.get("verdict").asString()).isEqualTo("SIGNIFICANT_POSITIVE");
            assertThat(data.get("lower").asDouble()).isGreaterThan(0);
            assertThat(data.get("treatmentCustomers").asLong()
                            + data.get("holdoutCustomers").asLong())
                    .isEqualTo(200);
        }
    }
}
