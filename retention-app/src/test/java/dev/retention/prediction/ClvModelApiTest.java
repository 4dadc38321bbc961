package dev.retention.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.domain.prediction.ClvSettings;
import dev.retention.domain.prediction.FitClvModel;
import dev.retention.domain.prediction.ModelTimeUnit;
import dev.retention.support.ApiTest;
import dev.retention.support.Cdnow;
import dev.retention.support.Http.Response;
import dev.retention.support.ModelJobs;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The model endpoints' contract: validation, fits that fail with a reason, and which model answers for whom. */
class ClvModelApiTest extends ApiTest {

    @Autowired
    private FitClvModel fits;

    @DynamicPropertySource
    static void dollars(DynamicPropertyRegistry registry) {
        registry.add("retention.currency", () -> "USD");
    }

    @Test
    void withoutAModelPredictionsAre404WithAReason() {
        Response list = http.get("/api/v1/predictions");
        assertThat(list.status()).isEqualTo(404);
        assertThat(list.json().get("detail").asString()).contains("No lifetime-value model");
        String customer = http.post("/api/v1/customers", Map.of("externalId", "c-1"))
                .json()
                .get("id")
                .asString();
        Response prediction = http.get("/api/v1/customers/" + customer + "/prediction");
        assertThat(prediction.status()).isEqualTo(404);
        assertThat(prediction.json().get("detail").asString()).contains("POST /api/v1/models/clv");
        assertThat(http.get("/api/v1/customers/5f0c9a8e-0b7e-4c57-9f55-0e4a7c1d2b3a/prediction")
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/models/clv/5f0c9a8e-0b7e-4c57-9f55-0e4a7c1d2b3a")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void badRankingParametersAre400() {
        Response order = http.get("/api/v1/predictions?orderBy=value");
        assertThat(order.status()).isEqualTo(400);
        assertThat(order.body()).contains("orderBy");
        Response limit = http.get("/api/v1/predictions?limit=501");
        assertThat(limit.status()).isEqualTo(400);
        assertThat(limit.body()).contains("limit");
    }

    @Test
    void aHoldoutMustEndAfterTheCalibrationAndBeforeToday() {
        String tomorrow =
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString();

        Response beforeCalibrationEnd =
                http.post("/api/v1/models/clv", Map.of("calibrationEnd", "2026-01-31", "holdoutEnd", "2026-01-31"));
        Response notYetOver =
                http.post("/api/v1/models/clv", Map.of("calibrationEnd", "2026-01-31", "holdoutEnd", tomorrow));

        assertThat(beforeCalibrationEnd.status())
                .as(beforeCalibrationEnd.toString())
                .isEqualTo(422);
        assertThat(beforeCalibrationEnd.body()).contains("holdoutEnd", "after calibrationEnd");
        assertThat(notYetOver.status()).as(notYetOver.toString()).isEqualTo(422);
        assertThat(notYetOver.body()).contains("holdoutEnd", "before today");
        Response comparisonWithoutHoldout =
                http.post("/api/v1/models/clv:compare", Map.of("calibrationEnd", "2026-01-31"));
        Response comparisonOfNothing = http.post(
                "/api/v1/models/clv:compare",
                Map.of("calibrationEnd", "2026-01-31", "holdoutEnd", "2026-03-31", "models", List.of()));
        assertThat(comparisonWithoutHoldout.status()).isEqualTo(400);
        assertThat(comparisonWithoutHoldout.body()).contains("holdoutEnd");
        assertThat(comparisonOfNothing.status()).isEqualTo(400);
        assertThat(comparisonOfNothing.body()).contains("\"models\"");
        assertThat(http.get("/api/v1/models/clv-comparisons/" + java.util.UUID.randomUUID())
                        .status())
                .isEqualTo(404);
        assertThat(count("clv_model")).isZero();
    }

    @Test
    void aFitOnTooFewCustomersFailsWithTheReason() throws Exception {
        Cdnow.importThroughTheApi(http, Cdnow.purchases().subList(0, 30));

        JsonNode model = fit(Map.of("calibrationEnd", "1997-09-30"));

        assertThat(model.get("status").asString()).isEqualTo("FAILED");
        assertThat(model.get("error").asString()).contains("at least 20 customers");
        assertThat(count("customer_prediction")).isZero();
        assertThat(http.get("/api/v1/predictions").status()).isEqualTo(404);
    }

    @Test
    void aSegmentModelAnswersForItsCustomersAndAReplacedModelLeavesNoPredictions() throws Exception {
        Cdnow.importThroughTheApi(
                http,
                Cdnow.purchases().stream().filter(p -> p.amount().signum() > 0).toList());
        JsonNode first = fit(Map.of("calibrationEnd", "1997-09-30"));
        assertThat(first.get("status").asString()).as(first.toString()).isEqualTo("SUCCEEDED");
        assertThat(predictionsOf(first)).isEqualTo(2_349);
        String customer = http.get("/api/v1/customers?externalId=cdnow-1")
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asString();
        http.patch("/api/v1/customers/" + customer, Map.of("segment", "vip"), Map.of());
        assertThat(modelOfPrediction(customer))
                .as("no vip model yet: the model of all customers answers")
                .isEqualTo(first.get("id").asString());

        jdbc.update("update customer set segment = 'vip' where external_id in ('cdnow-1', 'cdnow-2') "
                + "or external_id like 'cdnow-1__'");
        Map<String, Object> vipSettings = new HashMap<>(Map.of("calibrationEnd", "1997-09-30", "segment", "vip"));
        JsonNode vip = fit(vipSettings);
        assertThat(vip.get("status").asString()).as(vip.toString()).isEqualTo("SUCCEEDED");
        assertThat(vip.get("segment").asString()).isEqualTo("vip");
        assertThat(modelOfPrediction(customer)).isEqualTo(vip.get("id").asString());
        assertThat(http.get("/api/v1/predictions?segment=vip&limit=500")
                        .json()
                        .get("items")
                        .size())
                .isEqualTo(predictionsOf(vip));

        JsonNode second = fit(Map.of("calibrationEnd", "1997-09-30", "horizonMonths", 24));
        assertThat(second.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(predictionsOf(first))
                .as("the replaced model's predictions are gone")
                .isZero();
        assertThat(predictionsOf(vip)).as("another segment's model stays").isPositive();
        assertThat(http.get("/api/v1/predictions").json().get("modelId").asString())
                .isEqualTo(second.get("id").asString());
        JsonNode models = http.get("/api/v1/models/clv?size=2").json();
        assertThat(models.get("totalItems").asLong()).isEqualTo(3);
        assertThat(models.get("items").get(0).get("id").asString())
                .isEqualTo(second.get("id").asString());
    }

    @Test
    void aScheduledFitIsQueuedOncePerSlotHoweverManyInstancesFire() throws InterruptedException {
        ClvSettings settings = new ClvSettings(
                LocalDate.parse("1997-09-30"), ModelTimeUnit.WEEK, 12, new BigDecimal("0.01"), null, ZoneOffset.UTC);

        var first = fits.submitScheduled(settings, "2026-11-25T03:00:00Z|");
        var again = fits.submitScheduled(settings, "2026-11-25T03:00:00Z|");
        var next = fits.submitScheduled(settings, "2026-11-26T03:00:00Z|");

        assertThat(first).isPresent();
        assertThat(again).isEmpty();
        assertThat(next).isPresent();
        assertThat(count("clv_model")).isEqualTo(2);
        // Both fail for want of customers; wait for them, so that no job writes while the next test empties tables.
        assertThat(ModelJobs.awaitFinished(http, first.get().id().toString())
                        .get("status")
                        .asString())
                .isEqualTo("FAILED");
        assertThat(ModelJobs.awaitFinished(http, next.get().id().toString())
                        .get("status")
                        .asString())
                .isEqualTo("FAILED");
    }

    private long predictionsOf(JsonNode model) {
        Long rows = jdbc.queryForObject(
                "select count(*) from customer_prediction where model_id = ?::uuid",
                Long.class,
                model.get("id").asString());
        return rows == null ? 0 : rows;
    }

    private String modelOfPrediction(String customer) {
        Response response = http.get("/api/v1/customers/" + customer + "/prediction");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("modelId").asString();
    }

    private JsonNode fit(Map<String, Object> settings) throws InterruptedException {
        Response queued = http.post("/api/v1/models/clv", settings);
        assertThat(queued.status()).as(queued.toString()).isEqualTo(202);
        String id = queued.json().get("id").asString();
        return ModelJobs.awaitFinished(http, id);
    }
}
