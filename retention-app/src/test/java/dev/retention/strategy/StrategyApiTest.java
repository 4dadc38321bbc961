package dev.retention.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.retention.domain.strategy.Group;
import dev.retention.support.ApiTest;
import dev.retention.support.Http.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Strategies over HTTP: the state machine, the holdout split, touches and the measured effect. */
class StrategyApiTest extends ApiTest {

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private Response create(String segment, int holdoutPercent) {
        return http.post(
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
                        Map.of("customerSegment", segment),
                        "startsAt",
                        now.minus(10, ChronoUnit.DAYS).toString(),
                        "endsAt",
                        now.plus(10, ChronoUnit.DAYS).toString(),
                        "holdoutPercent",
                        holdoutPercent));
    }

    private Response move(String strategy, String status) {
        return http.post("/api/v1/strategies/" + strategy + "/transitions", Map.of("status", status));
    }

    /** Creates customers c0..c(n-1) acquired 30 days ago, in the segment, plus the extra events given. */
    private void customers(int n, String segment, List<Map<String, Object>> extra) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(Map.of(
                    "externalId",
                    "c" + i,
                    "createCustomer",
                    true,
                    "type",
                    "ACQUIRED",
                    "occurredAt",
                    now.minus(30, ChronoUnit.DAYS).toString(),
                    "eventKey",
                    "acq"));
        }
        events.addAll(extra);
        for (int from = 0; from < events.size(); from += 5_000) {
            Response stored = http.post(
                    "/api/v1/events:batch",
                    Map.of("events", events.subList(from, Math.min(events.size(), from + 5_000))));
            assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
        }
        jdbc.update("update customer set segment = ?", segment);
    }

    private Map<String, String> assignments(String strategy) {
        Map<String, String> groups = new HashMap<>();
        for (int page = 0; ; page++) {
            JsonNode items = http.get("/api/v1/strategies/" + strategy + "/assignments?size=500&page=" + page)
                    .json()
                    .get("items");
            if (items.isEmpty()) {
                return groups;
            }
            items.forEach(item -> groups.put(
                    item.get("customerId").asString(), item.get("group").asString()));
        }
    }

    @Test
    void onlyLegalTransitionsAndValidStrategiesAreAccepted() {
        Response invalid = http.post(
                "/api/v1/strategies",
                Map.of(
                        "name",
                        "x",
                        "type",
                        "EXPERIENCE",
                        "action",
                        "y",
                        "channel",
                        "SMS",
                        "target",
                        Map.of(),
                        "startsAt",
                        now.toString(),
                        "endsAt",
                        now.minus(1, ChronoUnit.DAYS).toString(),
                        "holdoutPercent",
                        60));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("target", "endsAt", "holdoutPercent");

        String strategy = create("pilot", 10).json().get("id").asString();
        assertThat(http.get("/api/v1/strategies/" + strategy)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("DRAFT");
        assertThat(move(strategy, "COMPLETED").status()).isEqualTo(409);
        assertThat(move(strategy, "ACTIVE").status()).isEqualTo(200);
        Response again = move(strategy, "ACTIVE");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("illegal-transition");
        assertThat(move(strategy, "COMPLETED").json().get("status").asString()).isEqualTo("COMPLETED");
        assertThat(move(strategy, "CANCELLED").status()).isEqualTo(409);
    }

    @Test
    void tenThousandCustomersSplitNearTheHoldoutShareAndReproducibly() {
        customers(10_000, "trial", List.of());
        String strategy = create("trial", 10).json().get("id").asString();

        assertThat(move(strategy, "ACTIVE").status()).isEqualTo(200);

        Map<String, String> groups = assignments(strategy);
        assertThat(groups).hasSize(10_000);
        long holdout = groups.values().stream().filter("HOLDOUT"::equals).count();
        assertThat(holdout).isBetween(800L, 1_200L);
        groups.forEach(
                (customer, group) -> assertThat(Group.of(UUID.fromString(strategy), UUID.fromString(customer), 10)
                                .name())
                        .isEqualTo(group));
        assertThat(http.get("/api/v1/strategies/" + strategy + "/assignments?group=HOLDOUT")
                        .json()
                        .get("totalItems")
                        .asLong())
                .isEqualTo(holdout);
    }

    @Test
    void touchesReachTreatmentOnlyAndTheEffectComparesTheGroups() {
        List<Map<String, Object>> extra = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            if (i % 3 == 0) { // churns inside the window
                extra.add(Map.of(
                        "externalId",
                        "c" + i,
                        "type",
                        "CHURNED",
                        "occurredAt",
                        now.minus(5, ChronoUnit.DAYS).toString(),
                        "eventKey",
                        "churn"));
            }
            if (i % 2 == 0) { // buys inside the window
                extra.add(Map.of(
                        "externalId",
                        "c" + i,
                        "type",
                        "PURCHASE",
                        "amount",
                        "10.00",
                        "currency",
                        "EUR",
                        "occurredAt",
                        now.minus(2, ChronoUnit.DAYS).toString(),
                        "eventKey",
                        "buy"));
                // dated a few hours ahead (accepted clock skew): inside the window, but not yet happened
                extra.add(Map.of(
                        "externalId",
                        "c" + i,
                        "type",
                        "PURCHASE",
                        "amount",
                        "100.00",
                        "currency",
                        "EUR",
                        "occurredAt",
                        now.plus(6, ChronoUnit.HOURS).toString(),
                        "eventKey",
                        "ahead"));
            }
        }
        customers(40, "pilot", extra);
        String strategy = create("pilot", 50).json().get("id").asString();
        assertThat(http.post(
                                "/api/v1/strategies/" + strategy + "/touches",
                                Map.of("customerId", UUID.randomUUID().toString(), "kind", "SENT"))
                        .status())
                .isEqualTo(409); // still a draft
        move(strategy, "ACTIVE");
        Map<String, String> groups = assignments(strategy);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            index.put(
                    http.get("/api/v1/customers?externalId=c" + i)
                            .json()
                            .get("items")
                            .get(0)
                            .get("id")
                            .asString(),
                    i);
        }
        String treated = groups.entrySet().stream()
                .filter(e -> e.getValue().equals("TREATMENT"))
                .findFirst()
                .orElseThrow()
                .getKey();
        String held = groups.entrySet().stream()
                .filter(e -> e.getValue().equals("HOLDOUT"))
                .findFirst()
                .orElseThrow()
                .getKey();
        assertThat(http.post(
                                "/api/v1/strategies/" + strategy + "/touches",
                                Map.of("customerId", treated, "kind", "OPENED"))
                        .status())
                .isEqualTo(201);
        Response holdoutTouch =
                http.post("/api/v1/strategies/" + strategy + "/touches", Map.of("customerId", held, "kind", "SENT"));
        assertThat(holdoutTouch.status()).isEqualTo(422);
        assertThat(holdoutTouch.body()).contains("holdout-customer");

        JsonNode effect = http.get("/api/v1/strategies/" + strategy + "/effect").json();
        assertThat(effect.get("state").asString()).isEqualTo("RUNNING");
        JsonNode during = effect.get("during");
        assertThat(Instant.parse(during.get("until").asString())).isBetween(now, Instant.now());

        for (String group : List.of("TREATMENT", "HOLDOUT")) {
            List<Integer> members = groups.entrySet().stream()
                    .filter(e -> e.getValue().equals(group))
                    .map(e -> index.get(e.getKey()))
                    .toList();
            double retained = members.stream().filter(i -> i % 3 != 0).count() / (double) members.size();
            double revenue = 10.0 * members.stream().filter(i -> i % 2 == 0).count() / members.size();
            String side = group.equals("TREATMENT") ? "treatment" : "holdout";
            assertThat(during.get(side + "Customers").asLong()).isEqualTo(members.size());
            assertThat(during.get("retention").get(side).asDouble()).isCloseTo(retained, within(1e-12));
            assertThat(during.get("churn").get(side).asDouble()).isCloseTo(1 - retained, within(1e-12));
            assertThat(during.get("revenuePerCustomer").get(side).asDouble()).isCloseTo(revenue, within(1e-9));
        }
        assertThat(during.get("retention").get("uplift").asDouble())
                .isCloseTo(
                        during.get("retention").get("treatment").asDouble()
                                - during.get("retention").get("holdout").asDouble(),
                        within(1e-12));
        assertThat(during.get("retention").get("verdict").asString())
                .isIn("significant positive", "not significant", "significant negative");
        assertThat(http.get("/api/v1/strategies/" + strategy + "/effect").json().has("after"))
                .isFalse();
    }

    @Test
    void aStrategyWhoseWindowHasNotStartedReportsNoFigures() {
        customers(4, "later", List.of());
        String strategy = http.post(
                        "/api/v1/strategies",
                        Map.of(
                                "name",
                                "Next month",
                                "type",
                                "EXPERIENCE",
                                "action",
                                "Call",
                                "channel",
                                "PHONE",
                                "target",
                                Map.of("customerSegment", "later"),
                                "startsAt",
                                now.plus(5, ChronoUnit.DAYS).toString(),
                                "endsAt",
                                now.plus(35, ChronoUnit.DAYS).toString(),
                                "holdoutPercent",
                                10))
                .json()
                .get("id")
                .asString();
        assertThat(move(strategy, "ACTIVE").status()).isEqualTo(200);

        Response effect = http.get("/api/v1/strategies/" + strategy + "/effect");

        assertThat(effect.status()).as(effect.toString()).isEqualTo(200);
        assertThat(effect.json().get("state").asString()).isEqualTo("NOT_STARTED");
        assertThat(effect.json().has("during")).isFalse();
        assertThat(effect.json().has("after")).isFalse();
    }

    @Test
    void activationTargetsTheCustomersOfTheNamedRfmSegments() {
        // c0..c9 bought once within the year, n0 and n1 never: every buyer has some RFM segment, the others none.
        List<Map<String, Object>> purchases = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            purchases.add(Map.of(
                    "externalId",
                    "c" + i,
                    "type",
                    "PURCHASE",
                    "amount",
                    (10 + i) + ".00",
                    "currency",
                    "EUR",
                    "occurredAt",
                    now.minus(3 + 20L * i, ChronoUnit.DAYS).toString(),
                    "eventKey",
                    "buy"));
        }
        purchases.add(Map.of(
                "externalId",
                "n0",
                "createCustomer",
                true,
                "type",
                "ACQUIRED",
                "occurredAt",
                now.minus(30, ChronoUnit.DAYS).toString(),
                "eventKey",
                "acq"));
        purchases.add(Map.of(
                "externalId",
                "n1",
                "createCustomer",
                true,
                "type",
                "LOGIN",
                "occurredAt",
                now.minus(1, ChronoUnit.DAYS).toString(),
                "eventKey",
                "login"));
        customers(10, "rfm", purchases);
        List<String> everySegment = http.get("/api/v1/segments/rfm")
                .json()
                .get("segments")
                .valueStream()
                .map(segment -> segment.get("segment").asString())
                .toList();

        String all = createTargeting(Map.of("rfmSegments", everySegment));
        Response activated = move(all, "ACTIVE");

        assertThat(activated.status()).as(activated.toString()).isEqualTo(200);
        assertThat(assignments(all).keySet()).containsExactlyInAnyOrderElementsOf(idsOf("c", 10));

        // Two named segments that have members (which ones depends on the random ids that break the ties): exactly
        // the members the two segments list.
        List<String> twoSegments = http.get("/api/v1/segments/rfm")
                .json()
                .get("segments")
                .valueStream()
                .filter(segment -> segment.get("customers").asLong() > 0)
                .map(segment -> segment.get("segment").asString())
                .limit(2)
                .toList();
        assertThat(twoSegments).hasSize(2);
        String named = createTargeting(Map.of("rfmSegments", twoSegments));
        assertThat(move(named, "ACTIVE").status()).isEqualTo(200);
        List<String> expected = new ArrayList<>();
        for (String segment : twoSegments) {
            http.get("/api/v1/segments/rfm/" + segment + "/customers?size=500")
                    .json()
                    .get("items")
                    .valueStream()
                    .forEach(item -> expected.add(item.get("customerId").asString()));
        }
        assertThat(expected).hasSizeLessThan(10);
        assertThat(assignments(named).keySet()).containsExactlyInAnyOrderElementsOf(expected);
    }

    private String createTargeting(Map<String, Object> target) {
        Response created = http.post(
                "/api/v1/strategies",
                Map.of(
                        "name",
                        "Targeted",
                        "type",
                        "PERSONALISED_MARKETING",
                        "action",
                        "Voucher",
                        "channel",
                        "EMAIL",
                        "target",
                        target,
                        "startsAt",
                        now.minus(1, ChronoUnit.DAYS).toString(),
                        "endsAt",
                        now.plus(30, ChronoUnit.DAYS).toString(),
                        "holdoutPercent",
                        10));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private List<String> idsOf(String prefix, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(http.get("/api/v1/customers?externalId=" + prefix + i)
                    .json()
                    .get("items")
                    .get(0)
                    .get("id")
                    .asString());
        }
        return ids;
    }
}
