package dev.retention.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.support.ApiTest;
import dev.retention.support.Http.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Overall revenue comes from quarter-hour totals kept by the database, segment revenue from the events: both must
 * put an event on the right side of a local midnight, also in zones offset by 45 minutes and, through the events,
 * in zones whose historic offsets are not whole quarter hours.
 */
class RevenueBucketsTest extends ApiTest {

    private final List<Map<String, Object>> events = new ArrayList<>();

    private void purchase(String at, String amount) {
        events.add(Map.of(
                "externalId",
                "buyer",
                "createCustomer",
                true,
                "type",
                "PURCHASE",
                "occurredAt",
                at,
                "amount",
                amount,
                "currency",
                "EUR",
                "eventKey",
                "p-" + events.size()));
    }

    private List<String> dailyRevenue(String from, String to, String zone, String segment) {
        Response response = http.get("/api/v1/metrics/retention?granularity=DAY&from=" + from + "&to=" + to + "&zone="
                + zone + (segment == null ? "" : "&segment=" + segment));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> revenue = new ArrayList<>();
        for (JsonNode period : response.json().get("periods")) {
            revenue.add(
                    period.get("revenue").decimalValue().stripTrailingZeros().toPlainString());
        }
        return revenue;
    }

    @Test
    void aMidnightAtAQuarterPastTheHourSplitsTheRevenueExactly() {
        // Asia/Kathmandu is UTC+05:45: 2026-03-01 starts at 2026-02-28T18:15:00Z.
        purchase("2026-02-27T18:15:00Z", "1.00"); // first instant of Feb 28 local
        purchase("2026-02-28T18:14:59.999Z", "2.00"); // last millisecond of Feb 28 local
        purchase("2026-02-28T18:15:00Z", "4.00"); // first instant of Mar 1 local
        purchase("2026-03-01T18:14:59Z", "8.00"); // still Mar 1 local
        purchase("2026-03-01T18:15:00Z", "16.00"); // Mar 2 local, outside the range
        assertThat(http.post("/api/v1/events:batch", Map.of("events", events)).status())
                .isEqualTo(200);
        jdbc.update("update customer set segment = 'retail'");

        assertThat(dailyRevenue("2026-02-28", "2026-03-02", "Asia/Kathmandu", null))
                .containsExactly("3", "12");
        assertThat(dailyRevenue("2026-02-28", "2026-03-02", "Asia/Kathmandu", "retail"))
                .containsExactly("3", "12");
        assertThat(dailyRevenue("2026-02-28", "2026-03-02", "UTC", null)).containsExactly("6", "24");
    }

    @Test
    void boundariesOffTheQuarterHourAreSummedFromTheEvents() {
        // Until 1972 Africa/Monrovia kept Monrovia mean time, UTC-00:44:30: 1970-01-02 began at 1970-01-02T00:44:30Z.
        purchase("1970-01-02T00:44:29Z", "1.00");
        purchase("1970-01-02T00:44:30Z", "2.00");
        assertThat(http.post("/api/v1/events:batch", Map.of("events", events)).status())
                .isEqualTo(200);

        assertThat(dailyRevenue("1970-01-01", "1970-01-03", "Africa/Monrovia", null))
                .containsExactly("1", "2");
    }
}
