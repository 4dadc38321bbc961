package dev.retention.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.support.ApiTest;
import dev.retention.support.Http.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventApiTest extends ApiTest {

    private String customerId;

    @BeforeEach
    void customer() {
        customerId = http.post("/api/v1/customers", Map.of("externalId", "crm-1"))
                .json()
                .get("id")
                .asString();
    }

    private Response post(Map<String, Object> event) {
        return http.post("/api/v1/customers/" + customerId + "/events", event);
    }

    private static Map<String, Object> purchase(String key, Object amount) {
        Map<String, Object> event = new HashMap<>();
        event.put("type", "PURCHASE");
        event.put("occurredAt", "2026-01-02T10:00:00Z");
        event.put("amount", amount);
        event.put("currency", "EUR");
        event.put("eventKey", key);
        return event;
    }

    @Test
    void aNewEventIsCreatedAndTheSameEventAgainIsReturnedWithoutWriting() {
        Response first = post(purchase("o-1", 49.90));
        Map<String, Object> sameValueOtherScale = purchase("o-1", "49.9000");
        Response again = post(sameValueOtherScale);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("id").asString())
                .isEqualTo(first.json().get("id").asString());
        assertThat(count("customer_event")).isEqualTo(1);
    }

    @Test
    void theSameKeyWithOtherContentIsAConflict() {
        post(purchase("o-1", 49.90));

        Response other = post(purchase("o-1", 12));

        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().get("type").asString()).endsWith("/event-key-conflict");
        assertThat(jdbc.queryForObject("select amount from customer_event", java.math.BigDecimal.class))
                .isEqualByComparingTo("49.90");
    }

    @Test
    void invalidAmountsAreRefusedByFieldAndNothingIsWritten() {
        assertThat(fieldsOf(post(purchase("o-1", -5)))).containsExactly("amount");
        assertThat(fieldsOf(post(purchase("o-2", "1.23456")))).containsExactly("amount");
        Map<String, Object> noAmount = purchase("o-3", 1);
        noAmount.remove("amount");
        // Well-formed, but the amount does not fit the type: a rule between two values (422).
        assertThat(ruleFieldsOf(post(noAmount))).containsExactly("amount");
        Map<String, Object> loginWithAmount = purchase("o-4", 5);
        loginWithAmount.put("type", "LOGIN");
        assertThat(ruleFieldsOf(post(loginWithAmount))).containsExactlyInAnyOrder("amount", "currency");
        assertThat(count("customer_event")).isZero();
    }

    @Test
    void aFreeOrderIsAPurchaseWithoutRevenueButARefundOfNothingIsRefused() {
        Response free = post(purchase("voucher-order", "0.00"));
        Map<String, Object> emptyRefund = purchase("refund-of-nothing", 0);
        emptyRefund.put("type", "REFUND");

        assertThat(free.status()).as(free.toString()).isEqualTo(201);
        assertThat(free.json().get("amount").decimalValue()).isEqualByComparingTo("0");
        // an amount of 0 is fine by itself (a free order); that a refund needs more relates it to the type: 422
        Response refused = post(emptyRefund);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("amount");
        Response revenue = http.get("/api/v1/metrics/revenue?from=2026-01-01&to=2026-02-01");
        assertThat(revenue.json().get("periods").get(0).get("revenue").decimalValue())
                .isEqualByComparingTo("0");
        assertThat(count("customer_event")).isEqualTo(1);
    }

    @Test
    void aCurrencyWithoutAnExchangeRateIsA422ThatNamesTheReportingCurrencyAndTheDay() {
        Map<String, Object> dollars = purchase("o-1", 10);
        dollars.put("currency", "USD");

        Response response = post(dollars);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("currency");
        assertThat(response.json().get("errors").get(0).get("message").asString())
                .contains("EUR", "USD", "2026-01-02");
        assertThat(count("customer_event")).isZero();
    }

    @Test
    void anUnknownTypeIsA400ThatListsTheKnownTypes() {
        Map<String, Object> event = purchase("o-1", 10);
        event.put("type", "TELEPORT");

        Response response = post(event);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("type");
        assertThat(response.json().get("errors").get(0).get("message").asString())
                .contains("PURCHASE", "CHURNED");
        assertThat(count("customer_event")).isZero();
    }

    @Test
    void aMissingKeyOrTimeIsRefused() {
        Map<String, Object> event = purchase("o-1", 10);
        event.remove("eventKey");
        event.remove("occurredAt");

        assertThat(fieldsOf(post(event))).containsExactlyInAnyOrder("eventKey", "occurredAt");
    }

    @Test
    void eventsOfAnUnknownCustomerAreA404() {
        Response response =
                http.post("/api/v1/customers/8a1f5b8e-7a3c-4c1e-9d51-3c5b2f0e1a11/events", purchase("o-1", 10));

        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void acquisitionDefaultsToTheFirstEventUnlessGiven() {
        Map<String, Object> later = purchase("o-2", 5);
        later.put("occurredAt", "2026-03-01T00:00:00Z");
        Map<String, Object> earlier = purchase("o-1", 5);
        earlier.put("occurredAt", "2026-02-01T00:00:00Z");
        post(later);
        post(earlier);

        assertThat(http.get("/api/v1/customers/" + customerId)
                        .json()
                        .get("acquiredAt")
                        .asString())
                .isEqualTo("2026-02-01T00:00:00Z");

        String given = http.post(
                        "/api/v1/customers", Map.of("externalId", "crm-2", "acquiredAt", "2026-05-01T00:00:00Z"))
                .json()
                .get("id")
                .asString();
        http.post("/api/v1/customers/" + given + "/events", earlier);
        assertThat(http.get("/api/v1/customers/" + given)
                        .json()
                        .get("acquiredAt")
                        .asString())
                .isEqualTo("2026-05-01T00:00:00Z");
    }

    private static List<String> fieldsOf(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        return response.json()
                .get("errors")
                .valueStream()
                .map(error -> error.get("field").asString())
                .toList();
    }

    private static List<String> ruleFieldsOf(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.json().get("type").asString()).endsWith("/rule-violated");
        return response.json()
                .get("errors")
                .valueStream()
                .map(error -> error.get("field").asString())
                .toList();
    }
}
