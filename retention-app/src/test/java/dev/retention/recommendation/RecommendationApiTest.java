package dev.retention.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.retention.support.ApiTest;
import dev.retention.support.Http.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Orders with lines, the catalogue, a model build and the answers it serves, over HTTP. The four customers are the
 * hand-worked example of the domain tests: A {x, y}; B {x} then {y, z}; C {x, z}; D {y}.
 */
class RecommendationApiTest extends ApiTest {

    private static Map<String, Object> order(
            String customer, String segment, String key, String at, String... products) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (String product : products) {
            lines.add(Map.of("productId", product, "quantity", 2, "unitPrice", "1.50"));
        }
        Map<String, Object> event = new HashMap<>();
        event.put("externalId", customer);
        event.put("createCustomer", true);
        event.put("type", "PURCHASE");
        event.put("occurredAt", at);
        event.put("currency", "EUR");
        event.put("eventKey", key);
        event.put("lines", lines);
        return event;
    }

    private void fourCustomers() {
        Response stored = http.post(
                "/api/v1/events:batch",
                Map.of(
                        "events",
                        List.of(
                                order("A", "UK", "a1", "2026-01-01T10:00:00Z", "x", "y"),
                                order("B", "UK", "b1", "2026-01-01T10:00:00Z", "x"),
                                order("B", "UK", "b2", "2026-01-02T10:00:00Z", "y", "z"),
                                order("C", "FR", "c1", "2026-01-01T10:00:00Z", "x", "z"),
                                order("D", "FR", "d1", "2026-01-01T10:00:00Z", "y"))));
        assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
        jdbc.update("update customer set segment = 'UK' where external_id in ('A', 'B')");
        jdbc.update("update customer set segment = 'FR' where external_id in ('C', 'D')");
    }

    private String customerId(String externalId) {
        return jdbc.queryForObject("select id::text from customer where external_id = ?", String.class, externalId);
    }

    private JsonNode build(Map<String, Object> settings) throws InterruptedException {
        Response accepted = http.post("/api/v1/recommendation-models", settings);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String location = accepted.header("Location");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode build = http.get(location).json();
            String status = build.get("status").asString();
            if (status.equals("SUCCEEDED") || status.equals("FAILED")) {
                return build;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("build " + location + " did not finish within 60 s");
    }

    @Test
    void anOrderWithLinesIsOnePurchaseWorthTheirSumAndItsProductsJoinTheCatalogue() {
        fourCustomers();

        JsonNode events =
                http.get("/api/v1/customers/" + customerId("A") + "/events").json();
        JsonNode purchase = events.get("items").get(0);
        // 2 x 1.50 + 2 x 1.50
        assertThat(purchase.get("amount").decimalValue()).isEqualByComparingTo("6.00");
        assertThat(purchase.get("lines")).hasSize(2);
        assertThat(purchase.get("lines").get(1).get("productId").asString()).isEqualTo("y");
        JsonNode catalogue = http.get("/api/v1/products").json();
        assertThat(catalogue.get("totalItems").asLong()).isEqualTo(3);
        assertThat(catalogue.get("items").get(0).get("id").asString()).isEqualTo("x");
        assertThat(catalogue.get("items").get(0).get("active").asBoolean()).isTrue();
    }

    @Test
    void anAmountThatIsNotTheSumOfTheLinesIsRefusedAndStoresNothing() {
        Map<String, Object> wrong = order("A", "UK", "a1", "2026-01-01T10:00:00Z", "x", "y");
        wrong.put("amount", "7.00");

        Response refused = http.post("/api/v1/events:batch", Map.of("events", List.of(wrong)));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.body()).contains("6.00");
        assertThat(count("customer_event_line")).isZero();
    }

    @Test
    void productsAreNamedByUpsertAndUnknownOnesAreNotFound() {
        Response added = http.put("/api/v1/products/mug%2042", Map.of("name", "Mug", "category", "Kitchen"));
        Response replaced = http.put("/api/v1/products/mug%2042", Map.of("name", "Blue mug", "active", false));

        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.header("Location")).isEqualTo("/api/v1/products/mug%2042");
        assertThat(replaced.status()).isEqualTo(200);
        JsonNode mug = http.get("/api/v1/products/mug%2042").json();
        assertThat(mug.get("name").asString()).isEqualTo("Blue mug");
        assertThat(mug.get("active").asBoolean()).isFalse();
        assertThat(http.get("/api/v1/products?active=false")
                        .json()
                        .get("totalItems")
                        .asLong())
                .isEqualTo(1);
        assertThat(http.get("/api/v1/products?category=Kitchen")
                        .json()
                        .get("totalItems")
                        .asLong())
                .isZero();
        assertThat(http.get("/api/v1/products/nothing").status()).isEqualTo(404);
        Response tooLong = http.put("/api/v1/products/mug", Map.of("name", "n".repeat(301)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("name");
    }

    @Test
    void theModelServesSimilarProductsAndRecommendationsWithTheirReasons() throws Exception {
        fourCustomers();
        http.put("/api/v1/products/x", Map.of("name", "Kettle"));
        Response before = http.get("/api/v1/customers/" + customerId("D") + "/recommendations");
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.json().get("items")).isEmpty();
        assertThat(before.json().get("reason").asString()).contains("No recommendation model yet");

        JsonNode build =
                build(Map.of("minimumCoBuyers", 2, "shrinkage", 1.0, "repeatShare", 0.5, "repeatMinimumBuyers", 2));

        assertThat(build.get("status").asString()).as(build.toString()).isEqualTo("SUCCEEDED");
        assertThat(build.get("customers").asLong()).isEqualTo(4);
        assertThat(build.get("orders").asLong()).isEqualTo(5);
        assertThat(build.get("products").asLong()).isEqualTo(3);
        // x-y and x-z, each both ways
        assertThat(build.get("pairs").asLong()).isEqualTo(4);
        JsonNode similar = http.get("/api/v1/products/x/similar").json();
        // x-z: 2 / sqrt(3 * 2) * 2 / 3 = 0.544331; x-y: 2 / sqrt(3 * 3) * 2 / 3 = 0.444444
        assertThat(similar.get("items").get(0).get("productId").asString()).isEqualTo("z");
        assertThat(similar.get("items").get(0).get("score").asDouble()).isCloseTo(0.544331, within(1e-6));
        assertThat(similar.get("items").get(1).get("coBuyers").asInt()).isEqualTo(2);

        // D bought y only: x is y's only neighbour (0.444444), then FR's best sellers fill the list
        JsonNode forD = http.get("/api/v1/customers/" + customerId("D") + "/recommendations?limit=2")
                .json();
        assertThat(forD.get("modelId").asString()).isEqualTo(build.get("id").asString());
        assertThat(forD.get("items").get(0).get("productId").asString()).isEqualTo("x");
        assertThat(forD.get("items").get(0).get("name").asString()).isEqualTo("Kettle");
        assertThat(forD.get("items").get(0).get("score").asDouble()).isCloseTo(0.444444, within(1e-6));
        assertThat(forD.get("items").get(0).get("because").get(0).asString()).isEqualTo("y");
        assertThat(forD.get("items").get(1).get("productId").asString()).isEqualTo("z");
        assertThat(forD.get("items").get(1).get("source").asString()).isEqualTo("POPULAR");

        http.put("/api/v1/products/x", Map.of("name", "Kettle", "active", false));
        JsonNode withoutX = http.get("/api/v1/customers/" + customerId("D") + "/recommendations")
                .json();
        assertThat(withoutX.get("items"))
                .extracting(item -> item.get("productId").asString())
                .containsExactly("z");
        assertThat(http.get("/api/v1/products/z/similar").json().get("items")).isEmpty();
    }

    @Test
    void newcomersGetTheirSegmentsBestSellersAndErasedCustomersNothing() throws Exception {
        fourCustomers();
        http.post("/api/v1/customers", Map.of("externalId", "E", "segment", "UK"));
        build(Map.of());

        JsonNode newcomer = http.get("/api/v1/customers/" + customerId("E") + "/recommendations?limit=3")
                .json();

        // UK (A, B) bought x 2, y 2, z 1
        assertThat(newcomer.get("items"))
                .extracting(item -> item.get("productId").asString())
                .containsExactly("x", "y", "z");
        assertThat(newcomer.get("items").get(0).get("source").asString()).isEqualTo("POPULAR");
        http.delete("/api/v1/customers/" + customerId("E"));
        JsonNode erased = http.get("/api/v1/customers/" + customerId("E") + "/recommendations")
                .json();
        assertThat(erased.get("items")).isEmpty();
        assertThat(erased.get("reason").asString()).isEqualTo("The customer is erased.");
    }

    @Test
    void badRequestsAreRefusedAndUnknownOnesNotFound() {
        assertThat(http.get("/api/v1/customers/00000000-0000-0000-0000-000000000001/recommendations")
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/products/none/similar").status()).isEqualTo(404);
        fourCustomers();
        assertThat(http.get("/api/v1/customers/" + customerId("A") + "/recommendations?limit=0")
                        .status())
                .isEqualTo(400);
        Response outOfRange = http.post("/api/v1/recommendation-models", Map.of("recencyDecay", 0));
        assertThat(outOfRange.status()).isEqualTo(422);
        assertThat(outOfRange.body()).contains("recencyDecay");
        assertThat(count("recommendation_build")).isZero();
        assertThat(http.get("/api/v1/recommendation-models/00000000-0000-0000-0000-000000000001")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aPersonalisedStrategyAttachesRecommendationsAndCountsWhoBoughtOne() throws Exception {
        fourCustomers();
        build(Map.of("minimumCoBuyers", 2, "shrinkage", 1.0, "repeatShare", 0.5, "repeatMinimumBuyers", 2));
        java.time.Instant now = java.time.Instant.now();
        Map<String, Object> strategy = new HashMap<>(Map.of(
                "name",
                "Cross-sell",
                "type",
                "PERSONALISED_MARKETING",
                "action",
                "Email with the recommended products",
                "channel",
                "EMAIL",
                "target",
                Map.of("customerSegment", "UK"),
                "startsAt",
                now.minusSeconds(86_400).toString(),
                "endsAt",
                now.plusSeconds(30 * 86_400).toString(),
                "holdoutPercent",
                1,
                "recommendations",
                2));
        Response created = http.post("/api/v1/strategies", strategy);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.json().get("recommendations").asInt()).isEqualTo(2);

        Response activated = http.post("/api/v1/strategies/" + id + "/transitions", Map.of("status", "ACTIVE"));
        assertThat(activated.status()).as(activated.toString()).isEqualTo(200);
        JsonNode assignments = http.get("/api/v1/strategies/" + id + "/assignments?group=TREATMENT")
                .json();

        // A bought x and y: z (x's neighbour) is the one product left; B bought all three: nothing left
        Map<String, List<String>> recommended = new HashMap<>();
        assignments
                .get("items")
                .forEach(item -> recommended.put(
                        item.get("customerId").asString(),
                        item.get("recommendedProducts")
                                .valueStream()
                                .map(JsonNode::asString)
                                .toList()));
        assertThat(recommended).containsEntry(customerId("A"), List.of("z")).containsEntry(customerId("B"), List.of());
        Map<String, Object> purchase =
                order("A", "UK", "a-after", java.time.Instant.now().toString(), "z");
        http.post("/api/v1/events:batch", Map.of("events", List.of(purchase)));
        JsonNode uptake =
                http.get("/api/v1/strategies/" + id + "/effect").json().get("recommendationUptake");
        assertThat(uptake.get("customersWithRecommendations").asLong()).isEqualTo(1);
        assertThat(uptake.get("boughtARecommendedProduct").asLong()).isEqualTo(1);
        assertThat(uptake.get("share").asDouble()).isEqualTo(1.0);

        strategy.put("type", "LOYALTY_REWARDS");
        Response otherType = http.post("/api/v1/strategies", strategy);
        assertThat(otherType.status()).isEqualTo(422);
        assertThat(otherType.body()).contains("recommendations");
    }
}
