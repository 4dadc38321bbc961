package dev.retention.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.support.ApiTest;
import dev.retention.support.Http.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The at-risk list and the RFM answers are cached like the metrics when their moment is given: the same answer with
 * an ETag, 304 for a current tag, a fresh answer after a change. Without asOf they are judged now and never cached.
 */
class ReportCachingTest extends ApiTest {

    private static final String AS_OF = "2026-11-01T00:00:00Z";
    private static final List<String> CACHED = List.of(
            "/api/v1/customers/at-risk?asOf=" + AS_OF,
            "/api/v1/segments/rfm?asOf=" + AS_OF,
            "/api/v1/segments/rfm/LOST/customers?asOf=" + AS_OF);

    private int keys;

    private void purchases(String customer, String... days) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (String day : days) {
            events.add(Map.of(
                    "externalId",
                    customer,
                    "createCustomer",
                    true,
                    "type",
                    "PURCHASE",
                    "occurredAt",
                    day + "T12:00:00Z",
                    "amount",
                    "20.00",
                    "currency",
                    "EUR",
                    "eventKey",
                    "k" + keys++));
        }
        assertThat(http.post("/api/v1/events:batch", Map.of("events", events)).status())
                .isEqualTo(200);
    }

    @Test
    void answersAsOfAGivenMomentAreCachedUntilTheDataChange() {
        purchases("a", "2026-08-01", "2026-08-11"); // median gap 10, silent 82 days: at risk
        purchases("b", "2026-10-20", "2026-10-25"); // median gap 5, silent 6.5 days: not yet

        for (String path : CACHED) {
            Response first = http.get(path);
            Response repeated = http.get(path);
            Response conditional =
                    http.send("GET", path, null, "application/json", Map.of("If-None-Match", first.header("ETag")));

            assertThat(first.status()).as(path).isEqualTo(200);
            assertThat(first.header("ETag")).as(path).isNotBlank();
            assertThat(first.header("Cache-Control")).as(path).contains("private");
            assertThat(repeated.body()).as(path).isEqualTo(first.body());
            assertThat(conditional.status()).as(path).isEqualTo(304);
        }
        Response before = http.get(CACHED.get(0));
        assertThat(before.json())
                .extracting(item -> item.get("externalId").asString())
                .containsExactly("a");

        purchases("b", "2026-09-01"); // now gaps 49 and 5: median 27, still not at risk
        purchases("c", "2026-05-01", "2026-05-03"); // median gap 2, silent 182 days: at risk
        Response after = http.get(CACHED.get(0));
        Response stale = http.send(
                "GET", CACHED.get(0), null, "application/json", Map.of("If-None-Match", before.header("ETag")));

        assertThat(after.header("ETag")).isNotEqualTo(before.header("ETag"));
        assertThat(after.json())
                .extracting(item -> item.get("externalId").asString())
                .containsExactlyInAnyOrder("a", "c");
        assertThat(stale.status()).isEqualTo(200);
    }

    @Test
    void answersAsOfNowAreComputedAfreshAndCarryNoETag() {
        purchases("a", "2026-08-01", "2026-08-11");

        for (String path :
                List.of("/api/v1/customers/at-risk", "/api/v1/segments/rfm", "/api/v1/segments/rfm/LOST/customers")) {
            Response answer = http.get(path);
            assertThat(answer.status()).as(path).isEqualTo(200);
            assertThat(answer.header("ETag")).as(path).isNull();
        }
    }
}
