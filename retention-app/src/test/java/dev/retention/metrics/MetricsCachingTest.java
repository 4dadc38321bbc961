package dev.retention.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.persistence.support.TestDatabase;
import dev.retention.security.Keys;
import dev.retention.support.ApiTest;
import dev.retention.support.Http.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

class MetricsCachingTest extends ApiTest {

    private static final String QUERY = "/api/v1/metrics/retention?from=2026-01-01&to=2026-03-01";

    @Autowired
    private TransactionTemplate transactions;

    @Test
    void answersCarryAnETagAndRepeatsWithItAre304() {
        acquire("crm-1", "2025-12-01T00:00:00Z");

        Response first = http.get(QUERY);
        Response again =
                http.send("GET", QUERY, null, "application/json", Map.of("If-None-Match", first.header("ETag")));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("ETag")).isNotBlank();
        assertThat(first.header("Cache-Control")).contains("max-age=30").contains("private");
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void aRepeatedRequestGetsTheSameAnswerAndStillNeedsTheScope() {
        acquire("crm-1", "2025-12-01T00:00:00Z");

        Response first = http.get(QUERY);
        Response repeated = http.get(QUERY);
        Response withoutScope =
                http.withKey(Keys.issueAllBut(http, "metrics:read")).get(QUERY);
        Response anonymous = http.anonymous().get(QUERY);
        Response conditional = http.send(
                "GET", QUERY, null, "application/json", Map.of("If-None-Match", "\"other\", " + first.header("ETag")));

        assertThat(repeated.status()).isEqualTo(200);
        assertThat(repeated.body()).isEqualTo(first.body());
        assertThat(repeated.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(repeated.header("Cache-Control")).isEqualTo(first.header("Cache-Control"));
        assertThat(repeated.header("Content-Type")).isEqualTo(first.header("Content-Type"));
        assertThat(withoutScope.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(conditional.status()).isEqualTo(304);
        assertThat(conditional.header("ETag")).isEqualTo(first.header("ETag"));
    }

    @Test
    void aNewEventInvalidatesTheCachedFigures() {
        acquire("crm-1", "2025-12-01T00:00:00Z");
        Response before = http.get(QUERY);
        assertThat(before.json().get("periods").get(0).get("newCustomers").asLong())
                .isZero();

        acquire("crm-2", "2026-01-15T00:00:00Z");
        Response after = http.get(QUERY);
        Response conditional =
                http.send("GET", QUERY, null, "application/json", Map.of("If-None-Match", before.header("ETag")));

        assertThat(after.json().get("periods").get(0).get("newCustomers").asLong())
                .isEqualTo(1);
        assertThat(after.header("ETag")).isNotEqualTo(before.header("ETag"));
        assertThat(conditional.status()).isEqualTo(200);
    }

    @Test
    void aChangeMadeInTheDatabaseWithoutTheServiceInvalidatesTheCachedFigures() {
        acquire("crm-1", "2025-12-01T00:00:00Z");
        Response before = http.get(QUERY);

        transactions.executeWithoutResult(
                status -> TestDatabase.insertCustomer(jdbc, "crm-sql", null, Instant.parse("2026-01-20T00:00:00Z")));
        Response after = http.get(QUERY);

        assertThat(before.json().get("periods").get(0).get("newCustomers").asLong())
                .isZero();
        assertThat(after.json().get("periods").get(0).get("newCustomers").asLong())
                .isEqualTo(1);
        assertThat(after.header("ETag")).isNotEqualTo(before.header("ETag"));
    }

    @Test
    void readingReportsAndWritingOnlyKeysOrTheAuditLogKeepsTheCachedFigures() {
        acquire("crm-1", "2025-12-01T00:00:00Z");
        Response before = http.get(QUERY);

        assertThat(http.get("/api/v1/customers/at-risk").status()).isEqualTo(200);
        assertThat(http.get("/api/v1/segments/rfm").status()).isEqualTo(200);
        Keys.issueAllBut(http, "metrics:read");
        Response after = http.get(QUERY);

        assertThat(after.header("ETag")).isEqualTo(before.header("ETag"));
    }

    @Test
    void theSummaryComparesTheLatestCompletePeriodWithTheOneBefore() {
        LocalDate current = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
        LocalDate latest = current.minusMonths(1);
        LocalDate previous = current.minusMonths(2);
        acquire(
                "crm-1",
                previous.minusMonths(3).atStartOfDay(ZoneOffset.UTC).toInstant().toString());
        acquire(
                "crm-2",
                previous.minusMonths(3).atStartOfDay(ZoneOffset.UTC).toInstant().toString());
        http.post(
                "/api/v1/events:batch",
                Map.of(
                        "events",
                        List.of(Map.of(
                                "externalId",
                                "crm-2",
                                "type",
                                "CHURNED",
                                "occurredAt",
                                latest.plusDays(3)
                                        .atStartOfDay(ZoneOffset.UTC)
                                        .toInstant()
                                        .toString(),
                                "eventKey",
                                "gone"))));

        for (Map.Entry<LocalDate, String> purchase :
                Map.of(previous, "100", latest, "80").entrySet()) {
            assertThat(http.post(
                                    "/api/v1/events:batch",
                                    Map.of(
                                            "events",
                                            List.of(Map.of(
                                                    "externalId",
                                                    "crm-1",
                                                    "type",
                                                    "PURCHASE",
                                                    "occurredAt",
                                                    purchase.getKey().plusDays(5) + "T12:00:00Z",
                                                    "amount",
                                                    purchase.getValue(),
                                                    "currency",
                                                    "EUR",
                                                    "eventKey",
                                                    "order-" + purchase.getKey()))))
                            .status())
                    .isEqualTo(200);
        }

        JsonNode summary = http.get("/api/v1/metrics/summary").json();

        assertThat(summary.get("latest").get("startDate").asString()).isEqualTo(latest.toString());
        assertThat(summary.get("previous").get("startDate").asString()).isEqualTo(previous.toString());
        assertThat(summary.get("latest").get("churned").asLong()).isEqualTo(1);
        assertThat(summary.get("latest").get("churnRate").decimalValue()).isEqualByComparingTo("50.0000");
        assertThat(summary.get("previous").get("churnRate").decimalValue()).isEqualByComparingTo("0.0000");
        assertThat(summary.get("change").get("churned").asLong()).isEqualTo(1);
        assertThat(summary.get("change").get("churnRate").decimalValue()).isEqualByComparingTo("50.0000");
        assertThat(summary.get("change").get("crr").decimalValue()).isEqualByComparingTo("-50.0000");
        // crm-1 spent 100, then 80: 80 of 100 retained, 20 lost to contraction, nothing gained
        JsonNode revenue = summary.get("revenueRetention");
        assertThat(revenue.get("nrr").decimalValue()).isEqualByComparingTo("80.0000");
        assertThat(revenue.get("grr").decimalValue()).isEqualByComparingTo("80.0000");
        assertThat(revenue.get("quickRatio").decimalValue()).isEqualByComparingTo("0.0000");
        assertThat(revenue.has("nrrChange"))
                .as("no revenue to retain the period before")
                .isFalse();
    }
}
