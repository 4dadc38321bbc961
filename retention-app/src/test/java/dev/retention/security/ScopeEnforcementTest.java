package dev.retention.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.support.ApiTest;
import dev.retention.support.Http;
import dev.retention.support.Http.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Walks every operation of the served OpenAPI document: no key gives 401, a key without the scope 403. */
class ScopeEnforcementTest extends ApiTest {

    /** The scope each operation needs: the specification, written out independently of the implementation. */
    private static final Map<String, String> REQUIRED_SCOPE = Map.ofEntries(
            Map.entry("createCustomer", "customers:write"),
            Map.entry("getCustomer", "customers:read"),
            Map.entry("listCustomers", "customers:read"),
            Map.entry("updateCustomer", "customers:write"),
            Map.entry("eraseCustomer", "customers:write"),
            Map.entry("recordEvent", "events:write"),
            Map.entry("listCustomerEvents", "customers:read"),
            Map.entry("recordEventBatch", "events:write"),
            Map.entry("createApiKey", "admin"),
            Map.entry("listApiKeys", "admin"),
            Map.entry("getApiKey", "admin"),
            Map.entry("revokeApiKey", "admin"),
            Map.entry("listAuditEntries", "admin"),
            Map.entry("rebuildActivitySpells", "admin"),
            Map.entry("getRetention", "metrics:read"),
            Map.entry("getRetentionBySegment", "metrics:read"),
            Map.entry("getCohorts", "metrics:read"),
            Map.entry("getRetentionSummary", "metrics:read"),
            Map.entry("getRevenueRetention", "metrics:read"),
            Map.entry("getRevenueRetentionBySegment", "metrics:read"),
            Map.entry("getMrrRetention", "metrics:read"),
            Map.entry("getRetentionForecast", "metrics:read"),
            Map.entry("compareClvModels", "models:write"),
            Map.entry("getClvComparison", "metrics:read"),
            Map.entry("setExchangeRates", "admin"),
            Map.entry("listExchangeRates", "metrics:read"),
            Map.entry("fitClvModel", "models:write"),
            Map.entry("getClvModel", "metrics:read"),
            Map.entry("listClvModels", "metrics:read"),
            Map.entry("getCustomerPrediction", "customers:read"),
            Map.entry("listPredictions", "customers:read"),
            Map.entry("getLoyaltyProgramme", "loyalty:read"),
            Map.entry("addLoyaltyProgrammeVersion", "admin"),
            Map.entry("enrolMember", "loyalty:write"),
            Map.entry("getLoyaltyAccount", "loyalty:read"),
            Map.entry("listLoyaltyTransactions", "loyalty:read"),
            Map.entry("adjustLoyaltyPoints", "loyalty:write"),
            Map.entry("redeemReward", "loyalty:write"),
            Map.entry("createReward", "loyalty:write"),
            Map.entry("listRewards", "loyalty:read"),
            Map.entry("getReward", "loyalty:read"),
            Map.entry("replaceReward", "loyalty:write"),
            Map.entry("archiveReward", "loyalty:write"),
            Map.entry("getRfmSegments", "metrics:read"),
            Map.entry("listRfmSegmentCustomers", "metrics:read"),
            Map.entry("getCustomerRfm", "customers:read"),
            Map.entry("listAtRiskCustomers", "customers:read"),
            Map.entry("recordFeedback", "events:write"),
            Map.entry("getFeedbackMetrics", "metrics:read"),
            Map.entry("createStrategy", "strategies:write"),
            Map.entry("listStrategies", "strategies:read"),
            Map.entry("getStrategy", "strategies:read"),
            Map.entry("moveStrategy", "strategies:write"),
            Map.entry("listStrategyAssignments", "strategies:read"),
            Map.entry("recordStrategyTouch", "strategies:write"),
            Map.entry("getStrategyEffect", "strategies:read"),
            Map.entry("getLoyaltySummary", "loyalty:read"),
            Map.entry("createImport", "events:write"),
            Map.entry("uploadImportFile", "events:write"),
            Map.entry("getImport", "events:write"),
            Map.entry("listImports", "events:write"),
            Map.entry("getImportRefusedRows", "events:write"),
            Map.entry("listProducts", "customers:read"),
            Map.entry("getProduct", "customers:read"),
            Map.entry("putProduct", "events:write"),
            Map.entry("listSimilarProducts", "customers:read"),
            Map.entry("getCustomerRecommendations", "customers:read"),
            Map.entry("buildRecommendationModel", "models:write"),
            Map.entry("getRecommendationModel", "metrics:read"),
            Map.entry("listRecommendationModels", "metrics:read"),
            Map.entry("createWebhook", "webhooks:write"),
            Map.entry("listWebhooks", "webhooks:write"),
            Map.entry("getWebhook", "webhooks:write"),
            Map.entry("replaceWebhook", "webhooks:write"),
            Map.entry("deleteWebhook", "webhooks:write"),
            Map.entry("listWebhookDeliveries", "webhooks:write"),
            Map.entry("getWebhookDelivery", "webhooks:write"),
            Map.entry("redeliverWebhook", "webhooks:write"));

    private record Operation(String id, String method, String path) {}

    private List<Operation> operations() {
        JsonNode document = http.anonymous().get("/v3/api-docs").json();
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String concrete = path.getKey().replaceAll("\\{[^}]+}", "5f0c9a8e-0b7e-4c57-9f55-0e4a7c1d2b3a");
                operations.add(new Operation(
                        operation.getValue().get("operationId").asString(),
                        operation.getKey().toUpperCase(),
                        concrete));
            }
        }
        return operations;
    }

    private static Response call(Http client, Operation operation) {
        boolean hasBody =
                operation.method().equals("POST") || operation.method().equals("PATCH");
        return client.send(
                operation.method(),
                operation.path(),
                hasBody ? "{}" : null,
                operation.method().equals("PATCH") ? "application/merge-patch+json" : "application/json",
                Map.of());
    }

    @Test
    void everyOperationIsListedInTheScopeTable() {
        assertThat(operations()).extracting(Operation::id).containsExactlyInAnyOrderElementsOf(REQUIRED_SCOPE.keySet());
    }

    @Test
    void withoutACredentialEveryOperationIs401() {
        for (Operation operation : operations()) {
            Response response = call(http.anonymous(), operation);
            assertThat(response.status()).as(operation + " " + response).isEqualTo(401);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    @Test
    void aKeyWithoutTheScopeIs403AndTheAnswerNamesTheScope() {
        Map<String, String> keysLacking = new HashMap<>();
        for (Operation operation : operations()) {
            String scope = REQUIRED_SCOPE.get(operation.id());
            String key = keysLacking.computeIfAbsent(scope, missing -> Keys.issueAllBut(http, missing));
            Response response = call(http.withKey(key), operation);
            assertThat(response.status()).as(operation + " " + response).isEqualTo(403);
            assertThat(response.json().get("requiredScope").asString()).isEqualTo(scope);
            assertThat(response.json().get("detail").asString()).contains(scope);
        }
    }

    @Test
    void aKeyWithJustTheScopeIsLetThrough() {
        Map<String, String> keysWith = new HashMap<>();
        for (Operation operation : operations()) {
            String scope = REQUIRED_SCOPE.get(operation.id());
            String key = keysWith.computeIfAbsent(scope, only -> Keys.issue(http, "only-" + only, only));
            Response response = call(http.withKey(key), operation);
            assertThat(response.status()).as(operation + " " + response).isNotIn(401, 403);
        }
    }

    @Test
    void healthAndTheApiDocumentAreOpenButMetricsNeedOps() {
        assertThat(http.anonymous().get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(http.anonymous().get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(http.anonymous().get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(http.anonymous().get("/swagger-ui/index.html").status()).isEqualTo(200);

        assertThat(http.anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(http.withKey(Keys.issueAllBut(http, "ops"))
                        .get("/actuator/prometheus")
                        .status())
                .isEqualTo(403);
        assertThat(http.withKey(Keys.issue(http, "ops", "ops"))
                        .get("/actuator/prometheus")
                        .status())
                .isEqualTo(200);
        assertThat(http.withKey(Keys.issue(http, "ops-info", "ops"))
                        .get("/actuator/info")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void noBrowserOriginIsAllowedByDefault() {
        Response preflight = http.anonymous()
                .send(
                        "OPTIONS",
                        "/api/v1/customers",
                        null,
                        "application/json",
                        Map.of("Origin", "https://crm.example.com", "Access-Control-Request-Method", "GET"));

        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void aReadOnlyDashboardKeyCannotWrite() {
        String dashboard = Keys.issue(http, "dashboard", "metrics:read", "customers:read");

        Response write = http.withKey(dashboard).post("/api/v1/customers", Map.of("externalId", "crm-1"));

        assertThat(write.status()).isEqualTo(403);
        assertThat(count("customer")).isZero();
        assertThat(http.withKey(dashboard).get("/api/v1/customers").status()).isEqualTo(200);
    }
}
