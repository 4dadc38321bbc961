package dev.retention.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.support.ApiTest;
import dev.retention.support.Http.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Retention of loyalty members against everyone else, by the metrics engine's rules, computed by hand. */
class LoyaltyRetentionTest extends ApiTest {

    private static final String Q1 = "/api/v1/metrics/retention?from=2026-01-01&to=2026-04-01&granularity=MONTH"
            + "&churnModel=CONTRACTUAL";

    private final List<Map<String, Object>> events = new ArrayList<>();

    private void event(String customer, String type, String at, String amount) {
        Map<String, Object> event = new HashMap<>(Map.of("externalId", customer, "createCustomer", true, "type", type,
                "occurredAt", at, "eventKey", customer + "-" + events.size()));
        if (amount != null) {
            event.put("amount", amount);
            event.put("currency", "EUR");
        }
        events.add(event);
    }

    private void enrol(String externalId) {
        String id = http.get("/api/v1/customers?externalId=" + externalId).json().get("items").get(0).get("id")
                .asString();
        assertThat(http.post("/api/v1/loyalty/accounts/" + id, Map.of()).status()).isEqualTo(201);
    }

    private static List<Long> startEndNew(JsonNode period) {
        return List.of(period.get("startCustomers").asLong(), period.get("endCustomers").asLong(),
                period.get("newCustomers").asLong());
    }

    @Test
    void membersAndOthersAreReportedApartAndAddUp() {
        assertThat(http.post("/api/v1/loyalty/programme/versions", Map.of("pointsPerUnit", "1", "tiers",
                List.of(Map.of("name", "Green", "qualifyingPoints", 0, "multiplier", "1")))).status()).isEqualTo(201);
        event("A", "ACQUIRED", "2025-12-01T00:00:00Z", null);     // member, active throughout
        event("A", "PURCHASE", "2026-01-10T00:00:00Z", "100.00");
        event("B", "ACQUIRED", "2026-01-15T00:00:00Z", null);     // not a member, new in January
        event("B", "PURCHASE", "2026-02-10T00:00:00Z", "50.00");
        event("C", "ACQUIRED", "2025-11-01T00:00:00Z", null);     // not a member, churns in February
        event("C", "CHURNED", "2026-02-10T00:00:00Z", null);
        event("D", "ACQUIRED", "2025-10-01T00:00:00Z", null);     // member, churns in January
        event("D", "CHURNED", "2026-01-20T00:00:00Z", null);
        assertThat(http.post("/api/v1/events:batch", Map.of("events", events)).status()).isEqualTo(200);
        enrol("A");
        enrol("D");

        Response members = http.get(Q1 + "&loyalty=MEMBER");
        Response others = http.get(Q1 + "&loyalty=NON_MEMBER");
        Response everyone = http.get(Q1);

        assertThat(members.status()).as(members.toString()).isEqualTo(200);
        JsonNode m = members.json().get("periods");
        JsonNode o = others.json().get("periods");
        JsonNode all = everyone.json().get("periods");
        assertThat(startEndNew(m.get(0))).containsExactly(2L, 1L, 0L);
        assertThat(startEndNew(m.get(1))).containsExactly(1L, 1L, 0L);
        assertThat(startEndNew(o.get(0))).containsExactly(1L, 2L, 1L);
        assertThat(startEndNew(o.get(1))).containsExactly(2L, 1L, 0L);
        assertThat(m.get(0).get("churnRate").decimalValue()).isEqualByComparingTo("50");
        assertThat(o.get(1).get("churnRate").decimalValue()).isEqualByComparingTo("50");
        assertThat(m.get(0).get("revenue").decimalValue()).isEqualByComparingTo("100");
        assertThat(o.get(0).get("revenue").decimalValue()).isZero();
        assertThat(o.get(1).get("revenue").decimalValue()).isEqualByComparingTo("50");
        for (int i = 0; i < 3; i++) {
            for (String figure : List.of("startCustomers", "endCustomers", "newCustomers", "churned")) {
                assertThat(m.get(i).get(figure).asLong() + o.get(i).get(figure).asLong()).as(figure + " " + i)
                        .isEqualTo(all.get(i).get(figure).asLong());
            }
        }
        assertThat(http.get(Q1 + "&loyalty=SOMETIMES").status()).isEqualTo(400);
    }
}
