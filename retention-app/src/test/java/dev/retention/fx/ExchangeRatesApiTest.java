package dev.retention.fx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.support.ApiTest;
import dev.retention.support.BatchEvents;
import dev.retention.support.Http.Response;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Amounts in other currencies over HTTP: rates set and listed, events converted at the rate of their UTC day (or the
 * latest earlier one within 7 days) into the reporting currency that every figure adds up, and refused without one.
 */
class ExchangeRatesApiTest extends ApiTest {

    private static Map<String, Object> rate(String currency, String date, Object rate) {
        return Map.of("currency", currency, "date", date, "rate", rate);
    }

    @BeforeEach
    void rates() {
        Response set = http.put(
                "/api/v1/fx-rates",
                Map.of(
                        "rates",
                        List.of(
                                rate("USD", "2026-03-02", "0.92"),
                                rate("USD", "2026-03-09", 0.9),
                                rate("GBP", "2026-03-02", "1.1725"))));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().get("stored").asInt()).isEqualTo(3);
        assertThat(set.json().get("reportingCurrency").asString()).isEqualTo("EUR");
    }

    @Test
    void ratesAreListedByCurrencyThenDayAndASecondSetReplacesADay() {
        http.put("/api/v1/fx-rates", Map.of("rates", List.of(rate("USD", "2026-03-02", "0.93"))));

        JsonNode dollars = http.get("/api/v1/fx-rates?currency=USD").json();
        JsonNode firstOfAll = http.get("/api/v1/fx-rates?size=1").json();

        assertThat(dollars.get("items")).hasSize(2);
        assertThat(new BigDecimal(dollars.get("items").get(0).get("rate").asString()))
                .isEqualByComparingTo("0.93");
        assertThat(dollars.get("items").get(1).get("date").asString()).isEqualTo("2026-03-09");
        assertThat(firstOfAll.get("items").get(0).get("currency").asString()).isEqualTo("GBP");
        assertThat(firstOfAll.get("totalItems").asLong()).isEqualTo(3);
    }

    @Test
    void anEventInDollarsIsStoredAsSentWithItsValueInEuros() {
        BatchEvents events = new BatchEvents();
        // Sunday 8 March: no rate that day, the latest earlier one is Monday 2 March's
        events.add("crm-1", "PURCHASE", "2026-03-08T23:30:00Z", "100.00", "USD");
        events.add("crm-1", "PURCHASE", "2026-03-09T10:00:00Z", "10.005", "USD");
        events.add("crm-1", "PURCHASE", "2026-03-10T10:00:00Z", "20", "EUR");

        Response stored = http.post("/api/v1/events:batch", events.body());

        assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
        String customer = stored.json().get("items").get(0).get("customerId").asString();
        JsonNode history =
                http.get("/api/v1/customers/" + customer + "/events").json().get("items");
        JsonNode sunday = history.get(0);
        assertThat(sunday.get("currency").asString()).isEqualTo("USD");
        assertThat(new BigDecimal(sunday.get("amount").asString())).isEqualByComparingTo("100");
        assertThat(new BigDecimal(sunday.get("conversion").get("amount").asString()))
                .isEqualByComparingTo("92");
        assertThat(sunday.get("conversion").get("currency").asString()).isEqualTo("EUR");
        assertThat(sunday.get("conversion").get("rateDate").asString()).isEqualTo("2026-03-02");
        // 10.005 × 0.9 = 9.0045
        assertThat(new BigDecimal(history.get(1).get("conversion").get("amount").asString()))
                .isEqualByComparingTo("9.0045");
        assertThat(history.get(2).has("conversion")).as("sent in euros").isFalse();
        JsonNode march = http.get("/api/v1/metrics/revenue?from=2026-03-01&to=2026-04-01")
                .json()
                .get("periods")
                .get(0);
        assertThat(new BigDecimal(march.get("revenue").asString())).isEqualByComparingTo("121.0045");
    }

    @Test
    void withoutARateOfTheLastSevenDaysTheBatchIsRefusedNamingCurrencyAndDay() {
        BatchEvents events = new BatchEvents();
        events.add("crm-1", "PURCHASE", "2026-03-05T10:00:00Z", "20", "EUR");
        events.add("crm-1", "PURCHASE", "2026-03-17T10:00:00Z", "10", "USD"); // 9 March is 8 days before
        events.add("crm-1", "PURCHASE", "2026-03-05T10:00:00Z", "10", "JPY");

        Response refused = http.post("/api/v1/events:batch", events.body());

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.body()).contains("2026-03-17", "USD", "JPY", "\"currency\"");
        assertThat(count("customer_event")).isZero();
        assertThat(count("customer")).isZero();
    }

    @Test
    void aBadSetIsRefusedWholeAndNamesEachRate() {
        Response malformed = http.put(
                "/api/v1/fx-rates",
                Map.of("rates", List.of(rate("USD", "2026-04-01", "0.9"), rate("USD", "2026-04-02", "-1"))));
        Response reporting = http.put("/api/v1/fx-rates", Map.of("rates", List.of(rate("EUR", "2026-04-01", "1"))));
        Response badFilter = http.get("/api/v1/fx-rates?currency=dollar");

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).contains("rates[1].rate");
        assertThat(reporting.status()).isEqualTo(422);
        assertThat(reporting.body()).contains("rates[0].currency", "reporting currency");
        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(count("exchange_rate")).isEqualTo(3);
    }
}
