package dev.retention.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.support.ApiTest;
import dev.retention.support.Http.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Tier sizes and points per period over HTTP, against counts worked out by hand. */
class LoyaltySummaryApiTest extends ApiTest {

    private Map<String, Object> money(String customer, String type, Instant at, String amount, String key) {
        return Map.of(
                "externalId",
                customer,
                "createCustomer",
                true,
                "type",
                type,
                "occurredAt",
                at.toString(),
                "amount",
                amount,
                "currency",
                "EUR",
                "eventKey",
                key);
    }

    /**
     * Green from 0, Gold from 100 qualifying points, Silver (from 1,000) held by nobody. A buys for 150 (150 points,
     * Gold), B for 50 (Green) and returns 20 of it (20 points clawed back).
     */
    @Test
    void membersByTierAndThePointsOfEachPeriod() {
        Response programme = http.post(
                "/api/v1/loyalty/programme/versions",
                Map.of(
                        "pointsPerUnit",
                        "1",
                        "autoEnrol",
                        true,
                        "tiers",
                        List.of(
                                Map.of("name", "Green", "qualifyingPoints", 0, "multiplier", "1"),
                                Map.of("name", "Gold", "qualifyingPoints", 100, "multiplier", "1"),
                                Map.of("name", "Silver", "qualifyingPoints", 1000, "multiplier", "1"))));
        assertThat(programme.status()).as(programme.toString()).isEqualTo(201);
        Instant soon = Instant.now().plusSeconds(5);
        Response stored = http.post(
                "/api/v1/events:batch",
                Map.of(
                        "events",
                        List.of(
                                money("A", "PURCHASE", soon, "150.00", "a1"),
                                money("B", "PURCHASE", soon, "50.00", "b1"),
                                money("B", "REFUND", soon.plusSeconds(60), "20.00", "b2"))));
        assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
        LocalDate month = LocalDate.ofInstant(soon, ZoneOffset.UTC).withDayOfMonth(1);

        Response summary = http.get("/api/v1/loyalty/summary?from=" + month + "&to=" + month.plusMonths(2));

        assertThat(summary.status()).as(summary.toString()).isEqualTo(200);
        JsonNode json = summary.json();
        assertThat(json.get("members").asLong()).isEqualTo(2);
        assertThat(json.get("tiers"))
                .extracting(tier ->
                        tier.get("tier").asString() + " " + tier.get("members").asLong())
                .containsExactly("Green 1", "Gold 1", "Silver 0");
        assertThat(json.get("periods")).hasSize(2);
        JsonNode total = json.get("total");
        assertThat(total.get("earned").asLong()).isEqualTo(200);
        assertThat(total.get("clawedBack").asLong()).isEqualTo(20);
        assertThat(total.get("redeemed").asLong()).isZero();
        assertThat(total.get("expired").asLong()).isZero();
        assertThat(json.get("periods").get(0).get("earned").asLong()
                        + json.get("periods").get(1).get("earned").asLong())
                .isEqualTo(200);
        assertThat(http.get("/api/v1/loyalty/summary?from=" + month).status()).isEqualTo(400);
    }
}
