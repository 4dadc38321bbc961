package dev.retention.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.support.Http.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Subscriptions over HTTP: created with a secret shown once, replaced, deleted, and refused with reasons. */
class WebhookApiTest extends WebhookTest {

    private static final String URL = "http://127.0.0.1:9/hooks";

    private static Map<String, Object> request(String url, List<String> kinds, Map<String, Object> filters) {
        Map<String, Object> body = new HashMap<>(Map.of("url", url, "kinds", kinds));
        if (filters != null) {
            body.put("filters", filters);
        }
        return body;
    }

    @Test
    void aSubscriptionIsCreatedWithItsSecretOnceThenReplacedAndDeleted() {
        JsonNode created = subscribe(URL, List.of("customer.at_risk", "customer.churned"), Map.of("segment", "retail"));
        String id = created.get("webhook").get("id").asString();

        assertThat(created.get("secret").asString()).startsWith("whsec_");
        JsonNode stored = http.get("/api/v1/webhooks/" + id).json();
        assertThat(stored.has("secret")).isFalse();
        assertThat(stored.toString()).doesNotContain(created.get("secret").asString());
        assertThat(stored.get("kinds"))
                .extracting(JsonNode::asString)
                .containsExactly("customer.at_risk", "customer.churned");
        assertThat(stored.get("filters").get("segment").asString()).isEqualTo("retail");
        assertThat(stored.get("active").asBoolean()).isTrue();

        Response replaced = http.put(
                "/api/v1/webhooks/" + id,
                Map.of(
                        "url",
                        URL + "/v2",
                        "kinds",
                        List.of("customer.p_alive_below"),
                        "filters",
                        Map.of("probabilityAliveBelow", 0.3),
                        "active",
                        false));
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.json().get("url").asString()).isEqualTo(URL + "/v2");
        assertThat(replaced.json().get("filters").has("segment"))
                .as("replaced as a whole")
                .isFalse();
        assertThat(replaced.json().get("filters").get("probabilityAliveBelow").asDouble())
                .isEqualTo(0.3);
        assertThat(replaced.json().get("active").asBoolean()).isFalse();
        assertThat(http.get("/api/v1/webhooks").json().get("totalItems").asLong())
                .isEqualTo(1);

        assertThat(http.delete("/api/v1/webhooks/" + id).status()).isEqualTo(204);
        assertThat(http.get("/api/v1/webhooks/" + id).status()).isEqualTo(404);
        assertThat(http.delete("/api/v1/webhooks/" + id).status()).isEqualTo(404);
    }

    @Test
    void addressesInsideTheNetworkAreRefusedNamingTheSettingThatWouldAllowThem() {
        for (String url : List.of("http://10.0.0.7/hooks", "http://169.254.169.254/latest/meta-data/")) {
            Response refused = http.post("/api/v1/webhooks", request(url, List.of("customer.churned"), null));

            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
            JsonNode error = refused.json().get("errors").get(0);
            assertThat(error.get("field").asString()).isEqualTo("url");
            assertThat(error.get("message").asString())
                    .contains("private or link-local", "retention.webhooks.allow-private-networks");
        }
        assertThat(count("webhook_subscription")).isZero();
    }

    @Test
    void aHostThatDoesNotResolveIsSavedAndItsDeliveriesFailSayingWhy() throws Exception {
        String webhook = subscribe("https://nowhere.invalid/hooks", List.of("customer.churned"), null)
                .get("webhook")
                .get("id")
                .asString();
        Response churned = http.post(
                "/api/v1/events:batch",
                Map.of(
                        "events",
                        List.of(Map.of(
                                "externalId", "crm-1",
                                "createCustomer", true,
                                "type", "CHURNED",
                                "occurredAt", "2026-06-01T12:00:00Z",
                                "eventKey", "c"))));
        assertThat(churned.status()).isEqualTo(200);

        dispatch.runOnce();

        JsonNode delivery = http.get("/api/v1/webhooks/" + webhook + "/deliveries")
                .json()
                .get("items")
                .get(0);
        assertThat(delivery.get("status").asString()).isEqualTo("PENDING");
        assertThat(delivery.get("lastError").asString())
                .isEqualTo("not sent: the URL names a host that does not resolve: nowhere.invalid");
        assertThat(delivery.has("lastStatusCode")).isFalse();
    }

    @Test
    void malformedSubscriptionsAreRefusedFieldByField() {
        Response noKinds = http.post("/api/v1/webhooks", request(URL, List.of(), null));
        Response unknownKind = http.post("/api/v1/webhooks", request(URL, List.of("customer.churned", "sale"), null));
        Response outOfRange = http.post(
                "/api/v1/webhooks",
                request(URL, List.of("customer.at_risk"), Map.of("minimumValueAtRisk", -1, "churnRateAbove", 100)));
        Response noUrl = http.post("/api/v1/webhooks", Map.of("kinds", List.of("customer.churned")));

        assertThat(noKinds.status()).isEqualTo(400);
        assertThat(noKinds.json().get("errors").get(0).get("field").asString()).isEqualTo("kinds");
        assertThat(unknownKind.status()).isEqualTo(400);
        assertThat(unknownKind.json().get("errors").get(0).get("field").asString())
                .isEqualTo("kinds[1]");
        assertThat(unknownKind.json().get("errors").get(0).get("message").asString())
                .contains("'sale' is not a kind", "customer.at_risk");
        assertThat(outOfRange.status()).isEqualTo(400);
        assertThat(outOfRange.json().get("errors"))
                .extracting(error -> error.get("field").asString())
                .containsExactlyInAnyOrder("filters.minimumValueAtRisk", "filters.churnRateAbove");
        assertThat(noUrl.status()).isEqualTo(400);
        assertThat(noUrl.json().get("errors").get(0).get("field").asString()).isEqualTo("url");
        assertThat(count("webhook_subscription")).isZero();
    }

    @Test
    void aThresholdKindNeedsItsThreshold() {
        Response pAlive = http.post("/api/v1/webhooks", request(URL, List.of("customer.p_alive_below"), null));
        Response metric = http.post("/api/v1/webhooks", request(URL, List.of("metric.threshold"), Map.of()));

        assertThat(pAlive.status()).isEqualTo(422);
        assertThat(pAlive.json().get("errors").get(0).get("field").asString())
                .isEqualTo("filters.probabilityAliveBelow");
        assertThat(metric.status()).isEqualTo(422);
        assertThat(metric.json().get("errors").get(0).get("field").asString()).isEqualTo("filters.churnRateAbove");
    }

    @Test
    void unknownSubscriptionsAndDeliveriesAreNotFound() {
        String id = subscribe(URL, List.of("customer.churned"), null)
                .get("webhook")
                .get("id")
                .asString();
        String none = "00000000-0000-0000-0000-000000000001";

        assertThat(http.get("/api/v1/webhooks/" + none + "/deliveries").status())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/webhooks/" + id + "/deliveries/" + none).status())
                .isEqualTo(404);
        assertThat(http.post("/api/v1/webhooks/" + id + "/deliveries/" + none + ":redeliver", Map.of())
                        .status())
                .isEqualTo(404);
        Response badStatus = http.get("/api/v1/webhooks/" + id + "/deliveries?status=LOST");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.json().get("errors").get(0).get("field").asString())
                .isEqualTo("status");
    }
}
