package dev.retention.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.support.ApiTest;
import dev.retention.support.Http.Response;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** NPS and CSAT per month for a handful of answers, worked out by hand in the comments. */
class FeedbackApiTest extends ApiTest {

    private String customer(String externalId, String segment) {
        return http.post("/api/v1/customers", Map.of("externalId", externalId, "segment", segment))
                .json()
                .get("id")
                .asString();
    }

    private Response answer(String customer, Integer nps, Integer csat, String at) {
        Map<String, Object> body = new HashMap<>(Map.of("channel", "EMAIL", "occurredAt", at));
        if (nps != null) {
            body.put("npsScore", nps);
        }
        if (csat != null) {
            body.put("csatScore", csat);
        }
        return http.post("/api/v1/customers/" + customer + "/feedback", body);
    }

    @Test
    void npsAndCsatPerMonthMatchTheHandComputation() {
        String retail = customer("r", "retail");
        String sme = customer("s", "sme");
        // January: NPS answers 10, 9, 8, 6 (retail) and 0 (sme); satisfaction 5 (with the 10), 4 and 3 alone.
        assertThat(answer(retail, 10, 5, "2026-01-03T10:00:00Z").status()).isEqualTo(201);
        answer(retail, 9, null, "2026-01-04T10:00:00Z");
        answer(retail, 8, null, "2026-01-05T10:00:00Z");
        answer(retail, 6, null, "2026-01-06T10:00:00Z");
        answer(sme, 0, null, "2026-01-07T10:00:00Z");
        answer(retail, null, 4, "2026-01-08T10:00:00Z");
        answer(sme, null, 3, "2026-01-31T23:59:59Z");
        // February: 9, 9, 7.
        answer(retail, 9, null, "2026-02-01T00:00:00Z");
        answer(retail, 9, null, "2026-02-10T00:00:00Z");
        answer(sme, 7, null, "2026-02-11T00:00:00Z");

        JsonNode all = http.get("/api/v1/metrics/feedback?from=2026-01-01&to=2026-03-01&zone=UTC")
                .json();
        JsonNode january = all.get("periods").get(0);
        JsonNode february = all.get("periods").get(1);
        assertThat(january.get("responses").asLong()).isEqualTo(7);
        assertThat(january.get("npsResponses").asLong()).isEqualTo(5);
        assertThat(january.get("nps").decimalValue()).isEqualByComparingTo("0"); // (2 - 2) / 5
        assertThat(january.get("csat").decimalValue()).isEqualByComparingTo("4"); // (5 + 4 + 3) / 3
        assertThat(february.get("nps").decimalValue()).isEqualByComparingTo("66.6667"); // (2 - 0) / 3
        assertThat(february.has("csat")).isFalse();
        assertThat(all.get("totals").get("nps").decimalValue()).isEqualByComparingTo("25"); // (4 - 2) / 8
        assertThat(count("customer_feedback")).isEqualTo(10);
        Long events = jdbc.queryForObject("select count(*) from customer_event where type = 'FEEDBACK'", Long.class);
        assertThat(events).isEqualTo(10);

        JsonNode retailOnly = http.get("/api/v1/metrics/feedback?from=2026-01-01&to=2026-03-01&segment=retail")
                .json();
        assertThat(retailOnly.get("periods").get(0).get("nps").decimalValue()).isEqualByComparingTo("25"); // (2-1)/4
        JsonNode berlin = http.get("/api/v1/metrics/feedback?from=2026-01-01&to=2026-03-01&zone=Europe/Berlin")
                .json();
        assertThat(berlin.get("periods").get(0).get("csatResponses").asLong()).isEqualTo(2); // 23:59 UTC is Feb 1
    }

    @Test
    void badAnswersAreRefusedNamingTheField() {
        String retail = customer("r", "retail");

        Response none = answer(retail, null, null, "2026-01-03T10:00:00Z");
        Response tooHigh = answer(retail, 11, null, "2026-01-03T10:00:00Z");
        Response tooLow = answer(retail, null, 0, "2026-01-03T10:00:00Z");
        Response noChannel = http.post("/api/v1/customers/" + retail + "/feedback", Map.of("npsScore", 5));
        Response unknown = answer("5f0c9a8e-0b7e-4c57-9f55-0e4a7c1d2b3a", 5, null, "2026-01-03T10:00:00Z");
        Response noStrategy = http.post(
                "/api/v1/customers/" + retail + "/feedback",
                Map.of("npsScore", 5, "channel", "SMS", "strategyId", "5f0c9a8e-0b7e-4c57-9f55-0e4a7c1d2b3a"));

        assertThat(none.status()).isEqualTo(422); // well-formed, but one of the two scores is needed
        assertThat(none.body()).contains("npsScore");
        assertThat(tooHigh.body()).contains("npsScore");
        assertThat(tooLow.status()).isEqualTo(400);
        assertThat(tooLow.body()).contains("csatScore");
        assertThat(noChannel.status()).isEqualTo(400);
        assertThat(noChannel.body()).contains("channel");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(noStrategy.status()).isEqualTo(422);
        assertThat(noStrategy.body()).contains("strategyId");
        assertThat(count("customer_feedback")).isZero();
        assertThat(count("customer_event")).isZero();
        assertThat(http.get("/api/v1/metrics/feedback?from=2026-03-01&to=2026-01-01")
                        .status())
                .isEqualTo(422);
    }

    @Test
    void anErasedCustomerTakesNoFeedbackLikeItTakesNoEvents() {
        String erased = customer("e", "retail");
        assertThat(http.delete("/api/v1/customers/" + erased).status()).isEqualTo(204);

        Response answer = answer(erased, 9, null, "2026-01-03T10:00:00Z");

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().get("type").asString()).endsWith("/customer-erased");
        assertThat(count("customer_feedback")).isZero();
    }
}
