package dev.retention.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.support.ApiTest;
import dev.retention.support.Http.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Retention figures over HTTP for a small history whose figures are computed by hand (the same stories as the domain
 * tests, stored through the batch API).
 */
class RetentionMetricsApiTest extends ApiTest {

    private static final String Q1 = "/api/v1/metrics/retention?from=2026-01-01&to=2026-04-01&granularity=MONTH";

    private final List<Map<String, Object>> events = new ArrayList<>();

    private void event(String customer, String segment, String type, String at, String amount) {
        Map<String, Object> event = new HashMap<>();
        event.put("externalId", customer);
        event.put("createCustomer", true);
        event.put("type", type);
        event.put("occurredAt", at);
        event.put("eventKey", customer + "-" + events.size());
        if (amount != null) {
            event.put("amount", amount);
            event.put("currency", "EUR");
        }
        events.add(event);
    }

    @BeforeEach
    void history() {
        event("A", "retail", "ACQUIRED", "2025-12-10T09:00:00Z", null); // always active
        event("A", "retail", "PURCHASE", "2026-01-10T00:00:00Z", "100.00");
        event("B", "retail", "ACQUIRED", "2025-11-01T00:00:00Z", null); // churns in January
        event("B", "retail", "CHURNED", "2026-01-15T12:00:00Z", null);
        event("C", "sme", "ACQUIRED", "2026-01-01T00:00:00Z", null); // new on the boundary
        event("C", "sme", "PURCHASE", "2026-02-03T00:00:00Z", "50.50");
        event("C", "sme", "REFUND", "2026-02-04T00:00:00Z", "10.25");
        event("D", "sme", "ACQUIRED", "2026-01-05T00:00:00Z", null); // new and gone in January
        event("D", "sme", "CHURNED", "2026-01-20T00:00:00Z", null);
        event("E", null, "ACQUIRED", "2025-10-01T00:00:00Z", null); // back in February
        event("E", null, "CHURNED", "2025-12-01T00:00:00Z", null);
        event("E", null, "REACTIVATED", "2026-02-10T00:00:00Z", null);
        event("F", null, "ACQUIRED", "2025-06-01T00:00:00Z", null); // churns on Feb 1
        event("F", null, "CHURNED", "2026-02-01T00:00:00Z", null);
        Response stored = http.post("/api/v1/events:batch", Map.of("events", events));
        assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
        for (String customer : List.of("A", "B")) {
            setSegment(customer, "retail");
        }
        for (String customer : List.of("C", "D")) {
            setSegment(customer, "sme");
        }
    }

    private void setSegment(String externalId, String segment) {
        String id = http.get("/api/v1/customers?externalId=" + externalId)
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asString();
        http.patch("/api/v1/customers/" + id, Map.of("segment", segment), Map.of());
    }

    private static List<Long> counts(JsonNode figures) {
        return List.of(
                figures.get("startCustomers").asLong(),
                figures.get("endCustomers").asLong(),
                figures.get("newCustomers").asLong(),
                figures.get("retained").asLong(),
                figures.get("churned").asLong(),
                figures.get("reactivated").asLong());
    }

    @Test
    void contractualFiguresPerMonthMatchTheHandComputation() {
        Response response = http.get(Q1 + "&churnModel=CONTRACTUAL");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode periods = response.json().get("periods");
        assertThat(counts(periods.get(0))).containsExactly(3L, 3L, 2L, 2L, 1L, 0L);
        assertThat(counts(periods.get(1))).containsExactly(3L, 3L, 0L, 2L, 1L, 1L);
        assertThat(counts(periods.get(2))).containsExactly(3L, 3L, 0L, 3L, 0L, 0L);
        assertThat(periods.get(0).get("crr").decimalValue()).isEqualByComparingTo("33.3333");
        assertThat(periods.get(0).get("revenue").decimalValue()).isEqualByComparingTo("100.0000");
        assertThat(periods.get(0).get("clv").decimalValue()).isEqualByComparingTo("100.0000");
        assertThat(periods.get(1).get("revenue").decimalValue()).isEqualByComparingTo("40.2500");
        assertThat(periods.get(2).has("clv")).isFalse();
        assertThat(periods.get(2).get("undefinedBecause").get("clv").asString()).contains("unbounded");
        JsonNode totals = response.json().get("totals");
        assertThat(counts(totals)).containsExactly(3L, 3L, 2L, 1L, 2L, 1L);
        assertThat(totals.get("revenue").decimalValue()).isEqualByComparingTo("140.25");
        assertThat(periods.get(0).get("startDate").asString()).isEqualTo("2026-01-01");
        assertThat(periods.get(0).get("complete").asBoolean()).isTrue();
    }

    @Test
    void aSegmentFilterAndTheBreakdownAddUp() {
        JsonNode retail = http.get(Q1 + "&segment=retail").json();
        JsonNode breakdown = http.get("/api/v1/metrics/retention/segments?from=2026-01-01&to=2026-04-01")
                .json()
                .get("segments");

        assertThat(counts(retail.get("periods").get(0))).containsExactly(2L, 1L, 0L, 1L, 1L, 0L);
        assertThat(breakdown).hasSize(3);
        assertThat(breakdown.get(0).get("segment").asString()).isEqualTo("retail");
        assertThat(breakdown.get(1).get("segment").asString()).isEqualTo("sme");
        assertThat(breakdown.get(2).has("segment")).isFalse();
        JsonNode overall = http.get(Q1).json();
        for (int period = 0; period < 3; period++) {
            for (String field :
                    List.of("startCustomers", "endCustomers", "newCustomers", "retained", "churned", "reactivated")) {
                long sum = 0;
                for (JsonNode segment : breakdown) {
                    sum += segment.get("periods").get(period).get(field).asLong();
                }
                assertThat(sum)
                        .as(field + " of period " + period)
                        .isEqualTo(overall.get("periods").get(period).get(field).asLong());
            }
        }
        assertThat(breakdown.get(1).get("periods").get(1).get("revenue").decimalValue())
                .isEqualByComparingTo("40.25");
    }

    @Test
    void inactivityModelCountsLapsedCustomers() {
        JsonNode periods =
                http.get(Q1 + "&churnModel=INACTIVITY&inactivityDays=30").json().get("periods");

        // Active at Jan 1 (acquisition or purchase in the 30 days before): A (Dec 10 -> Jan 9), none else but E? E
        // was acquired Oct 1 and never bought: lapsed. F acquired Jun 1: lapsed. B acquired Nov 1: lapsed.
        assertThat(periods.get(0).get("startCustomers").asLong()).isEqualTo(1);
        // Feb 1: A bought Jan 10 (active until Feb 9); C acquired Jan 1 (until Jan 31): lapsed; D Jan 5 -> Feb 4.
        assertThat(periods.get(0).get("endCustomers").asLong()).isEqualTo(2);
        // Mar 1: C bought Feb 3 (until Mar 5); A lapsed Feb 9; D lapsed Feb 4.
        assertThat(periods.get(1).get("endCustomers").asLong()).isEqualTo(1);
        assertThat(periods.get(1).get("reactivated").asLong()).isEqualTo(1);
    }

    @Test
    void cohortsFollowTheirCustomersAndRevenue() {
        Response response = http.get("/api/v1/metrics/cohorts?from=2026-01-01&to=2026-04-01");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode cohorts = response.json().get("cohorts");
        JsonNode january = cohorts.get(0);
        assertThat(january.get("periodStart").asString()).isEqualTo("2026-01-01");
        assertThat(january.get("size").asLong()).isEqualTo(2); // C and D
        JsonNode offsets = january.get("offsets");
        assertThat(offsets).hasSize(3);
        assertThat(offsets.get(0).get("active").asLong()).isEqualTo(1); // D churned in January
        assertThat(offsets.get(0).get("retentionRate").decimalValue()).isEqualByComparingTo("50.0000");
        assertThat(offsets.get(0).get("cumulativeRevenuePerCustomer").decimalValue())
                .isEqualByComparingTo("0");
        assertThat(offsets.get(1).get("cumulativeRevenuePerCustomer").decimalValue())
                .isEqualByComparingTo("20.1250"); // (50.50 - 10.25) / 2
        assertThat(offsets.get(1).get("revenue").decimalValue()).isEqualByComparingTo("40.25");
        assertThat(offsets.get(1).has("revenueRetention"))
                .as("no revenue in the cohort's own period: no curve")
                .isFalse();
        assertThat(offsets.get(2).get("active").asLong()).isEqualTo(1);
        JsonNode february = cohorts.get(1);
        assertThat(february.get("size").asLong()).isZero();
        assertThat(february.get("offsets").get(0).has("retentionRate")).isFalse();
        assertThat(cohorts.get(2).get("offsets")).hasSize(1);

        JsonNode limited = http.get("/api/v1/metrics/cohorts?from=2026-01-01&to=2026-04-01&maxOffset=1")
                .json();
        assertThat(limited.get("cohorts").get(0).get("offsets")).hasSize(2);
        assertThat(http.get("/api/v1/metrics/cohorts?from=2026-01-01&to=2026-04-01&maxOffset=-1")
                        .status())
                .isEqualTo(400);
    }
}
