package dev.retention.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.retention.support.ApiTest;
import dev.retention.support.DataSets;
import dev.retention.support.Http.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hipparchus.distribution.continuous.BetaDistribution;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The sBG retention forecast over HTTP on contractual histories stored through the batch endpoint: the published
 * survivor table of Fader and Hardie (2007) and its published fit, and cohorts drawn from known α and β.
 */
class RetentionForecastApiTest extends ApiTest {

    private final List<Map<String, Object>> events = new ArrayList<>();

    private void event(String customer, String segment, String type, Instant at) {
        Map<String, Object> event = new HashMap<>(Map.of(
                "externalId",
                customer,
                "createCustomer",
                true,
                "type",
                type,
                "occurredAt",
                at.toString(),
                "eventKey",
                type + "-" + customer));
        events.add(event);
        if (segment != null && type.equals("ACQUIRED")) {
            segments.put(customer, segment);
        }
    }

    private final Map<String, String> segments = new HashMap<>();

    private void store() {
        for (int from = 0; from < events.size(); from += 5_000) {
            Response stored = http.post(
                    "/api/v1/events:batch",
                    Map.of("events", events.subList(from, Math.min(events.size(), from + 5_000))));
            assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
        }
        segments.forEach((customer, segment) ->
                jdbc.update("update customer set segment = ? where external_id = ?", segment, customer));
    }

    /** Published S(t) = Π_{j=1..t} (β + j − 1) / (α + β + j − 1), computed here from the paper's α and β. */
    private static double publishedSurvival(double alpha, double beta, int t) {
        double survival = 1;
        for (int j = 1; j <= t; j++) {
            survival *= (beta + j - 1) / (alpha + beta + j - 1);
        }
        return survival;
    }

    /**
     * Each cohort of the survivor table becomes 1,000 customers acquired on 1 January 2019 in a segment of its
     * name; those gone by the start of year t churn in the middle of year t; observed until 1 January 2026 (seven
     * years, the paper's calibration period).
     */
    @Test
    void thePublishedSurvivorTableGivesThePublishedFitAndProjection() throws IOException {
        List<String> lines = Files.readAllLines(DataSets.require("sbg", "fader-hardie-2007-survivors.csv"));
        String[] header = lines.get(0).split(",");
        for (int column = 1; column < header.length; column++) {
            long previous = -1;
            int customer = 0;
            for (int row = 1; row < lines.size(); row++) {
                int year = Integer.parseInt(lines.get(row).split(",")[0]);
                long alive = Long.parseLong(lines.get(row).split(",")[column]);
                if (year == 0) {
                    for (int i = 0; i < alive; i++) {
                        event(
                                header[column] + "-" + i,
                                header[column],
                                "ACQUIRED",
                                Instant.parse("2019-01-01T00:00:00Z"));
                    }
                } else {
                    for (long i = alive; i < previous; i++) {
                        event(
                                header[column] + "-" + customer++,
                                null,
                                "CHURNED",
                                LocalDate.of(2019 + year - 1, 7, 1)
                                        .atStartOfDay(ZoneOffset.UTC)
                                        .toInstant());
                    }
                }
                previous = alive;
            }
        }
        store();

        Response response = http.get("/api/v1/forecasts/retention?from=2019-01-01&to=2020-01-01&granularity=YEAR"
                + "&asOf=2026-01-01&fitBy=SEGMENT&horizon=5");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode groups = response.json().get("groups");
        assertThat(groups).hasSize(2);
        Map<String, double[]> published =
                Map.of("regular", new double[] {0.704, 1.182}, "high_end", new double[] {0.668, 3.806});
        for (JsonNode group : groups) {
            double[] paper = published.get(group.get("segment").asString());
            assertThat(group.get("alpha").asDouble()).isCloseTo(paper[0], within(paper[0] * 0.005));
            assertThat(group.get("beta").asDouble()).isCloseTo(paper[1], within(paper[1] * 0.005));
            assertThat(group.get("customers").asLong()).isEqualTo(1000);
            JsonNode survival = group.get("survival");
            assertThat(survival).hasSize(13);
            for (int t = 8; t <= 12; t++) {
                double expected = publishedSurvival(paper[0], paper[1], t);
                assertThat(survival.get(t).get("modelSurvival").asDouble())
                        .as("%s, year %d", group.get("segment").asString(), t)
                        .isCloseTo(expected, within(expected * 0.005));
                assertThat(survival.get(t).has("observedShare")).isFalse();
            }
            assertThat(survival.get(7).get("observedShare").asDouble() * 1000)
                    .isCloseTo(group.get("aliveNow").asDouble(), within(1e-6));
        }
    }

    /**
     * 12 monthly cohorts of 400 customers, each with a churn probability drawn from Beta(0.8, 2.5), churning just
     * before the end of the period its geometric draw names; observed until 1 January 2026.
     */
    @Test
    void cohortsDrawnFromKnownParametersGiveThemBackWithinThreeStandardErrors() {
        double alpha = 0.8;
        double beta = 2.5;
        SplittableRandom random = new SplittableRandom(20261130L);
        BetaDistribution churnProbabilities = new BetaDistribution(alpha, beta);
        LocalDate observedUntil = LocalDate.parse("2026-01-01");
        for (int cohort = 0; cohort < 12; cohort++) {
            LocalDate start = LocalDate.parse("2025-01-01").plusMonths(cohort);
            for (int i = 0; i < 400; i++) {
                String customer = "c" + cohort + "-" + i;
                event(
                        customer,
                        null,
                        "ACQUIRED",
                        start.atStartOfDay(ZoneOffset.UTC)
                                .toInstant()
                                .plusSeconds(3_600L * (1 + random.nextInt(24 * 27))));
                double theta = churnProbabilities.inverseCumulativeProbability(random.nextDouble());
                int period = 1;
                while (random.nextDouble() >= theta) {
                    period++;
                }
                LocalDate churnBoundary = start.plusMonths(period);
                if (!churnBoundary.isAfter(observedUntil)) {
                    event(
                            customer,
                            null,
                            "CHURNED",
                            churnBoundary
                                    .atStartOfDay(ZoneOffset.UTC)
                                    .toInstant()
                                    .minusSeconds(3_600));
                }
            }
        }
        store();

        JsonNode group = http.get("/api/v1/forecasts/retention?from=2025-01-01&to=2026-01-01&asOf=2026-01-01")
                .json()
                .get("groups")
                .get(0);

        assertThat(group.get("customers").asLong()).isEqualTo(4800);
        double alphaError = group.get("alphaStandardError").asDouble();
        double betaError = group.get("betaStandardError").asDouble();
        assertThat(alphaError).isPositive();
        assertThat(group.get("alpha").asDouble()).isCloseTo(alpha, within(3 * alphaError));
        assertThat(group.get("beta").asDouble()).isCloseTo(beta, within(3 * betaError));
    }

    @Test
    void withoutEnoughToFitTheAnswerSaysWhy() {
        for (int i = 0; i < 50; i++) {
            event("c" + i, null, "ACQUIRED", Instant.parse("2026-01-10T00:00:00Z"));
        }
        store();

        Response oneMonth = http.get("/api/v1/forecasts/retention?from=2026-01-01&to=2026-02-01&asOf=2026-02-15");
        Response nobodyChurned = http.get("/api/v1/forecasts/retention?from=2026-01-01&to=2026-02-01&asOf=2026-04-15");
        Response beforeAnything = http.get("/api/v1/forecasts/retention?from=2026-01-01&to=2026-02-01&asOf=2026-01-15");

        assertThat(oneMonth.status()).isEqualTo(422);
        assertThat(oneMonth.body()).contains("at least 2 periods");
        assertThat(nobodyChurned.status()).isEqualTo(422);
        assertThat(nobodyChurned.body()).contains("nobody churned").doesNotContain("NaN");
        assertThat(beforeAnything.status()).isEqualTo(422);
        assertThat(beforeAnything.body()).contains("\"asOf\"");
    }
}
