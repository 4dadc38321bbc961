package dev.retention.revenue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.support.ApiTest;
import dev.retention.support.BatchEvents;
import dev.retention.support.Http.Response;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Revenue retention over HTTP, on histories stored through the batch endpoint, against figures worked out by hand;
 * every answer also keeps the movements identity.
 */
class RevenueRetentionApiTest extends ApiTest {

    private static final String FIRST_QUARTER = "/api/v1/metrics/revenue?from=2026-01-01&to=2026-04-01";

    private final BatchEvents events = new BatchEvents();

    private void money(String customer, String type, String at, String amount) {
        events.add(customer, type, at, amount);
    }

    /*
     *        Oct   Dec   Jan   Feb   Mar
     *   A          100   150   150     0
     *   B           80    50   -20    30
     *   C                 40                (first revenue ever in January)
     *   D     70                25          (positive revenue in October)
     *   E                             60    (first revenue ever in March)
     */
    @BeforeEach
    void histories() {
        money("A", "PURCHASE", "2025-12-10T12:00:00Z", "100");
        money("A", "PURCHASE", "2026-01-10T12:00:00Z", "150");
        money("A", "PURCHASE", "2026-02-10T12:00:00Z", "150");
        money("B", "PURCHASE", "2025-12-10T12:00:00Z", "80");
        money("B", "PURCHASE", "2026-01-10T12:00:00Z", "50");
        money("B", "REFUND", "2026-02-10T12:00:00Z", "20");
        money("B", "PURCHASE", "2026-03-10T12:00:00Z", "30");
        money("C", "PURCHASE", "2026-01-20T12:00:00Z", "40");
        money("D", "PURCHASE", "2025-10-10T12:00:00Z", "70");
        money("D", "PURCHASE", "2026-02-20T12:00:00Z", "25");
        money("E", "PURCHASE", "2026-03-20T12:00:00Z", "60");
        Response stored = http.post("/api/v1/events:batch", events.body());
        assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
        jdbc.update("update customer set segment = 'retail' where external_id in ('A', 'C')");
    }

    private static BigDecimal decimal(JsonNode node) {
        return new BigDecimal(node.asString());
    }

    private static void assertMovement(JsonNode period, String movement, long customers, String amount) {
        assertThat(period.get("movements").get(movement).get("customers").asLong())
                .as(movement)
                .isEqualTo(customers);
        assertThat(decimal(period.get("movements").get(movement).get("amount")))
                .as(movement)
                .isEqualByComparingTo(amount);
    }

    /** Σ r⁺(P) − Σ r⁺(P') = new + expansion + reactivated − contraction − churned, in every period of the answer. */
    private static void assertIdentity(JsonNode answer) {
        for (JsonNode period : answer.get("periods")) {
            JsonNode movements = period.get("movements");
            BigDecimal change =
                    decimal(period.get("positiveRevenue")).subtract(decimal(period.get("comparedPositiveRevenue")));
            BigDecimal moved = decimal(movements.get("newRevenue").get("amount"))
                    .add(decimal(movements.get("expansion").get("amount")))
                    .add(decimal(movements.get("reactivated").get("amount")))
                    .subtract(decimal(movements.get("contraction").get("amount")))
                    .subtract(decimal(movements.get("churned").get("amount")));
            assertThat(change).as(period.get("startDate").asString()).isEqualByComparingTo(moved);
            assertThat(decimal(period.get("revenue")))
                    .isEqualByComparingTo(
                            decimal(period.get("positiveRevenue")).add(decimal(period.get("refundsBeyondRevenue"))));
        }
    }

    @Test
    void eachMonthAgainstTheOneBefore() {
        Response response = http.get(FIRST_QUARTER);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode periods = response.json().get("periods");
        JsonNode january = periods.get(0);
        assertThat(january.get("comparedStartDate").asString()).isEqualTo("2025-12-01");
        assertThat(decimal(january.get("nrr"))).isEqualByComparingTo("111.1111"); // (150 + 50) / 180
        assertThat(decimal(january.get("grr"))).isEqualByComparingTo("83.3333"); // (100 + 50) / 180
        assertMovement(january, "newRevenue", 1, "40");
        assertMovement(january, "expansion", 1, "50");
        assertMovement(january, "contraction", 1, "30");
        assertThat(decimal(january.get("quickRatio"))).isEqualByComparingTo("3");
        JsonNode february = periods.get(1);
        assertThat(decimal(february.get("revenue"))).isEqualByComparingTo("155");
        assertThat(decimal(february.get("refundsBeyondRevenue"))).isEqualByComparingTo("-20");
        assertThat(decimal(february.get("nrr"))).isEqualByComparingTo("62.5"); // 150 / 240
        assertMovement(february, "churned", 2, "90");
        assertMovement(february, "reactivated", 1, "25");
        assertMovement(february, "unchanged", 1, "0");
        JsonNode march = periods.get(2);
        assertThat(decimal(march.get("nrr"))).isEqualByComparingTo("0");
        assertMovement(march, "churned", 2, "175");
        assertMovement(march, "reactivated", 1, "30");
        assertMovement(march, "newRevenue", 1, "60");
        assertThat(decimal(march.get("quickRatio"))).isEqualByComparingTo("0.5143"); // 90 / 175
        assertIdentity(response.json());
    }

    @Test
    void aSegmentCountsOnlyItsCustomersAndAYearAgoHasNoMovements() {
        Response retail = http.get(FIRST_QUARTER + "&segment=retail");
        Response yearAgo = http.get("/api/v1/metrics/revenue?from=2026-12-01&to=2027-01-01&compareTo=YEAR_AGO");

        JsonNode january = retail.json().get("periods").get(0);
        assertThat(retail.json().get("segment").asString()).isEqualTo("retail");
        assertThat(decimal(january.get("baseRevenue"))).isEqualByComparingTo("100"); // A only
        assertThat(decimal(january.get("nrr"))).isEqualByComparingTo("150");
        assertThat(decimal(january.get("grr"))).isEqualByComparingTo("100");
        assertIdentity(retail.json());
        JsonNode december = yearAgo.json().get("periods").get(0);
        assertThat(december.get("comparedStartDate").asString()).isEqualTo("2025-12-01");
        assertThat(decimal(december.get("baseRevenue"))).isEqualByComparingTo("180");
        assertThat(decimal(december.get("nrr"))).isEqualByComparingTo("0");
        assertThat(december.has("movements")).isFalse();
    }

    @Test
    void perSegmentTheSegmentsAddUpToEverybody() {
        Response response = http.get("/api/v1/metrics/revenue/segments?from=2026-01-01&to=2026-04-01");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode segments = response.json().get("segments");
        assertThat(segments).hasSize(2);
        assertThat(segments.get(0).get("segment").asString()).isEqualTo("retail"); // A and C
        assertThat(segments.get(1).has("segment")).as("no segment: B, D and E").isFalse();
        JsonNode overall = http.get(FIRST_QUARTER).json();
        for (int month = 0; month < 3; month++) {
            BigDecimal retail =
                    decimal(segments.get(0).get("periods").get(month).get("revenue"));
            BigDecimal others =
                    decimal(segments.get(1).get("periods").get(month).get("revenue"));
            assertThat(retail.add(others))
                    .isEqualByComparingTo(
                            decimal(overall.get("periods").get(month).get("revenue")));
        }
        assertThat(decimal(segments.get(0).get("periods").get(0).get("nrr"))).isEqualByComparingTo("150");
        assertIdentity(segments.get(0));
        assertIdentity(segments.get(1));
    }

    @Test
    void withoutRevenueToRetainTheAnswerSaysWhy() {
        JsonNode answer = http.get("/api/v1/metrics/revenue?from=2025-06-01&to=2025-07-01")
                .json();

        JsonNode june = answer.get("periods").get(0);
        assertThat(june.get("baseCustomers").asLong()).isZero();
        assertThat(june.has("nrr")).isFalse();
        assertThat(june.get("retentionNote").asString()).contains("No customer had positive revenue");
    }

    @Test
    void theAnswerIsCachedUntilTheDataChangeAndParametersAreChecked() {
        Response first = http.get(FIRST_QUARTER);
        Response again = http.send(
                "GET", FIRST_QUARTER, null, "application/json", Map.of("If-None-Match", first.header("ETag")));
        Response unknownComparison =
                http.get("/api/v1/metrics/revenue?from=2026-01-01&to=2026-02-01&compareTo=LAST_WEEK");
        Response noEnd = http.get("/api/v1/metrics/revenue?from=2026-01-01&zone=Mars/Olympus");

        assertThat(again.status()).isEqualTo(304);
        assertThat(unknownComparison.status()).isEqualTo(400);
        assertThat(unknownComparison.body()).contains("\"compareTo\"").contains("PREVIOUS, YEAR_AGO");
        assertThat(noEnd.status()).isEqualTo(400);
        assertThat(noEnd.body()).contains("\"to\"").contains("\"zone\"");
    }
}
