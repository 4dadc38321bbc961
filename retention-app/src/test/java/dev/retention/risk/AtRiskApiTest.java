package dev.retention.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.retention.support.ApiTest;
import dev.retention.support.Http.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Crafted histories, judged as of 2026-11-01. First gaps between purchase days of the repeat buyers: A 10, B 30,
 * E 10, G 10 days; their 90th percentile (linear interpolation) is 26 in segment retail (A, B, G: 10, 10, 30) and 24
 * over all customers (10, 10, 10, 30).
 */
class AtRiskApiTest extends ApiTest {

    private static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");

    private final List<Map<String, Object>> events = new ArrayList<>();

    private void customer(String externalId, String segment) {
        Map<String, Object> body = new HashMap<>(Map.of("externalId", externalId));
        if (segment != null) {
            body.put("segment", segment);
        }
        assertThat(http.post("/api/v1/customers", body).status()).isEqualTo(201);
    }

    private void event(String customer, String type, int daysAgo, String amount) {
        Map<String, Object> event = new HashMap<>(Map.of(
                "externalId",
                customer,
                "type",
                type,
                "occurredAt",
                AS_OF.minus(daysAgo, ChronoUnit.DAYS).toString(),
                "eventKey",
                "e" + events.size()));
        if (amount != null) {
            event.put("amount", amount);
            event.put("currency", "EUR");
        }
        events.add(event);
    }

    private void purchases(String customer, String amount, int... daysAgo) {
        for (int days : daysAgo) {
            event(customer, "PURCHASE", days, amount);
        }
    }

    @Test
    void customersSilentBeyondTheirOwnRhythmAreListedByValueWithTheirReason() {
        customer("A", "retail");
        purchases("A", "50.00", 55, 45, 35, 25); // median gap 10, silent 25 > 20: at risk
        customer("B", "retail");
        purchases("B", "50.00", 100, 70, 40); // median gap 30, silent 40 < 60
        customer("C", "retail");
        purchases("C", "80.00", 100); // one-time, 100 > 26: at risk
        customer("D", "retail");
        purchases("D", "80.00", 20); // one-time, 20 < 26
        customer("E", null);
        purchases("E", "50.00", 60, 50, 40); // overdue, but churned
        event("E", "CHURNED", 30, null);
        customer("F", "sme");
        purchases("F", "30.00", 27); // one-time, no repeat buyer in sme: 27 > 24 overall
        customer("G", "retail");
        purchases("G", "5.00", 80, 70, 60); // overdue, churned and back: active
        event("G", "CHURNED", 50, null);
        event("G", "REACTIVATED", 40, null);
        customer("H", "retail");
        purchases("H", "500.00", 200); // overdue, but erased
        assertThat(http.post("/api/v1/events:batch", Map.of("events", events)).status())
                .isEqualTo(200);
        String h = http.get("/api/v1/customers?externalId=H")
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asString();
        assertThat(http.delete("/api/v1/customers/" + h).status()).isEqualTo(204);

        Response response = http.get("/api/v1/customers/at-risk?asOf=" + AS_OF);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode list = response.json();
        assertThat(list).extracting(item -> item.get("externalId").asString()).containsExactly("A", "C", "F", "G");
        JsonNode a = list.get(0);
        assertThat(a.get("valueAtRisk").decimalValue()).isEqualByComparingTo("200");
        assertThat(a.get("medianGapDays").asDouble()).isEqualTo(10.0);
        assertThat(a.get("thresholdDays").asDouble()).isEqualTo(20.0);
        assertThat(a.get("daysSinceLastPurchase").asDouble()).isEqualTo(25.0);
        assertThat(a.get("reason").asString()).contains("25 days", "every 10 days", "20 days");
        JsonNode c = list.get(1);
        assertThat(c.get("thresholdDays").asDouble()).isCloseTo(26.0, within(1e-9));
        assertThat(c.has("medianGapDays")).isFalse();
        assertThat(c.get("reason").asString()).contains("segment retail", "26 days");
        JsonNode f = list.get(2);
        assertThat(f.get("thresholdDays").asDouble()).isCloseTo(24.0, within(1e-9));
        assertThat(f.get("reason").asString()).contains("among all customers");

        assertThat(http.get("/api/v1/customers/at-risk?asOf=" + AS_OF + "&limit=2")
                        .json())
                .hasSize(2);
        assertThat(http.get("/api/v1/customers/at-risk?limit=0").status()).isEqualTo(400);
    }
}
