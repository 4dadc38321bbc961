package dev.retention.rfm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.support.ApiTest;
import dev.retention.support.BatchEvents;
import dev.retention.support.Http.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Ten customers: customer i buys i times for 10.00 each, the last time {@code DAYS_AGO[i]} days before asOf, and
 * customer 10 gets 95.00 refunded. By hand, with NTILE(5) in ascending order (two customers per score):
 * recency (oldest first) c3 c4 | c8 c7 | c6 c5 | c10 c9 | c2 c1; frequency c1 c2 | c3 c4 | c5 c6 | c7 c8 | c9 c10;
 * monetary (c10 has 5.00 left) c10 c1 | c2 c3 | c4 c5 | c6 c7 | c8 c9. Segments: c1, c2 R5 F1 New Customers; c3, c4
 * R1 F2 Hibernating; c5, c6 R3 F3 Need Attention; c7, c8 R2 F4 At Risk; c9, c10 R4 F5 Loyal Customers.
 */
class RfmApiTest extends ApiTest {

    private static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");
    private static final int[] DAYS_AGO = {0, 5, 15, 300, 290, 100, 110, 200, 210, 20, 30};
    private static final String WINDOW = "asOf=" + AS_OF + "&windowDays=365";

    private final BatchEvents events = new BatchEvents();

    private void event(String customer, String type, long daysAgo, String amount) {
        events.add(customer, type, AS_OF.minus(daysAgo, ChronoUnit.DAYS).toString(), amount);
    }

    @BeforeEach
    void customers() {
        for (int i = 1; i <= 10; i++) {
            for (int k = 0; k < i; k++) {
                event("c" + i, "PURCHASE", DAYS_AGO[i] + k, "10.00");
            }
        }
        event("c10", "REFUND", 1, "95.00");
        event("c11", "PURCHASE", 400, "500.00"); // outside the window
        event("c12", "REFUND", 3, "5.00"); // no purchase in the window
        assertThat(http.post("/api/v1/events:batch", events.body()).status()).isEqualTo(200);
    }

    private String id(String externalId) {
        return http.get("/api/v1/customers?externalId=" + externalId)
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asString();
    }

    private static JsonNode segment(JsonNode summary, String name) {
        for (JsonNode segment : summary.get("segments")) {
            if (segment.get("segment").asString().equals(name)) {
                return segment;
            }
        }
        throw new AssertionError("no segment " + name);
    }

    @Test
    void segmentsHaveTheHandComputedSizesRevenueAndScores() {
        Response response = http.get("/api/v1/segments/rfm?" + WINDOW);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode summary = response.json();
        assertThat(summary.get("customers").asLong()).isEqualTo(10);
        assertThat(summary.get("revenue").decimalValue()).isEqualByComparingTo("455");
        assertThat(summary.get("segments")).hasSize(11);
        JsonNode newCustomers = segment(summary, "NEW_CUSTOMERS");
        assertThat(newCustomers.get("customers").asLong()).isEqualTo(2);
        assertThat(newCustomers.get("revenue").decimalValue()).isEqualByComparingTo("30");
        assertThat(newCustomers.get("revenueShare").decimalValue()).isEqualTo("6.5934"); // 30 / 455 = 6.593406..
        assertThat(newCustomers.get("customerShare").decimalValue()).isEqualTo("20.0000");
        assertThat(newCustomers.get("averageMonetaryScore").decimalValue()).isEqualTo("1.5000");
        assertThat(segment(summary, "HIBERNATING").get("revenue").decimalValue())
                .isEqualByComparingTo("70");
        assertThat(segment(summary, "NEED_ATTENTION").get("customers").asLong()).isEqualTo(2);
        assertThat(segment(summary, "AT_RISK").get("averageRecencyScore").decimalValue())
                .isEqualByComparingTo("2");
        assertThat(segment(summary, "LOYAL_CUSTOMERS").get("revenue").decimalValue())
                .isEqualByComparingTo("95");
        assertThat(segment(summary, "CHAMPIONS").get("customers").asLong()).isZero();
        assertThat(segment(summary, "CHAMPIONS").has("averageRecencyScore")).isFalse();
    }

    @Test
    void aSegmentPagesItsCustomersAndACustomerHasItsScores() {
        JsonNode atRisk = http.get("/api/v1/segments/rfm/AT_RISK/customers?" + WINDOW + "&size=1")
                .json();
        assertThat(atRisk.get("totalItems").asLong()).isEqualTo(2);
        assertThat(atRisk.get("items").get(0).get("customerId").asString()).isEqualTo(id("c7")); // 200 days ago

        JsonNode c10 =
                http.get("/api/v1/customers/" + id("c10") + "/rfm?" + WINDOW).json();
        assertThat(c10.get("recencyDays").asLong()).isEqualTo(30);
        assertThat(c10.get("frequency").asLong()).isEqualTo(10);
        assertThat(c10.get("monetary").decimalValue()).isEqualByComparingTo("5");
        assertThat(List.of(
                        c10.get("recencyScore").asInt(),
                        c10.get("frequencyScore").asInt(),
                        c10.get("monetaryScore").asInt()))
                .containsExactly(4, 5, 1);
        assertThat(c10.get("segmentName").asString()).isEqualTo("Loyal Customers");

        assertThat(http.get("/api/v1/customers/" + id("c11") + "/rfm?" + WINDOW).status())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/customers/" + id("c12") + "/rfm?" + WINDOW).status())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/segments/rfm?windowDays=0").status()).isEqualTo(400);
        assertThat(http.get("/api/v1/segments/rfm/SOMETIMES/customers").status())
                .isEqualTo(400);
    }
}
