package dev.retention.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.support.ApiTest;
import dev.retention.support.Http.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CustomerApiTest extends ApiTest {

    private Response create(Map<String, Object> body) {
        return http.post("/api/v1/customers", body);
    }

    private String createCustomer(String externalId) {
        Response response = create(Map.of("externalId", externalId));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    @Test
    void registeringACustomerReturnsItWithLocationAndVersion() {
        Response response = create(Map.of(
                "externalId",
                "crm-1",
                "name",
                "Ada Lovelace",
                "email",
                "ada@example.com",
                "segment",
                "retail",
                "attributes",
                Map.of("country", "DE")));

        assertThat(response.status()).isEqualTo(201);
        JsonNode body = response.json();
        assertThat(response.header("Location"))
                .endsWith("/api/v1/customers/" + body.get("id").asString());
        assertThat(response.header("ETag")).isEqualTo("\"0\"");
        assertThat(body.get("externalId").asString()).isEqualTo("crm-1");
        assertThat(body.get("email").asString()).isEqualTo("ada@example.com");
        assertThat(body.get("attributes").get("country").asString()).isEqualTo("DE");
        assertThat(body.get("erased").asBoolean()).isFalse();

        Response read = http.get("/api/v1/customers/" + body.get("id").asString());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("name").asString()).isEqualTo("Ada Lovelace");
        assertThat(read.json().get("createdAt").asString())
                .isEqualTo(body.get("createdAt").asString());
    }

    @Test
    void aTakenExternalIdIsAConflictAndWritesNothing() {
        createCustomer("crm-1");

        Response second = create(Map.of("externalId", "crm-1", "name", "Someone else"));

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("type").asString()).isEqualTo("https://retention.dev/problems/external-id-taken");
        assertThat(count("customer")).isEqualTo(1);
    }

    @Test
    void missingExternalIdAndBadEmailAreRefusedFieldByField() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "No Id");
        body.put("email", "not-an-address");

        Response response = create(body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(fields(response)).contains("externalId");
        assertThat(count("customer")).isZero();

        Response badEmail = create(Map.of("externalId", "crm-2", "email", "not-an-address"));
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(fields(badEmail)).containsExactly("email");
        assertThat(count("customer")).isZero();
    }

    @Test
    void listPagesInRegistrationOrderAndFilters() {
        for (int i = 0; i < 5; i++) {
            create(Map.of(
                    "externalId",
                    "crm-" + i,
                    "segment",
                    i % 2 == 0 ? "retail" : "sme",
                    "acquiredAt",
                    "2026-0" + (i + 1) + "-01T00:00:00Z"));
        }

        Response firstPage = http.get("/api/v1/customers?page=0&size=2");
        Response thirdPage = http.get("/api/v1/customers?page=2&size=2");
        assertThat(externalIds(firstPage)).containsExactly("crm-0", "crm-1");
        assertThat(externalIds(thirdPage)).containsExactly("crm-4");
        assertThat(firstPage.json().get("totalItems").asLong()).isEqualTo(5);
        assertThat(firstPage.json().get("totalPages").asInt()).isEqualTo(3);

        assertThat(externalIds(http.get("/api/v1/customers?segment=retail")))
                .containsExactly("crm-0", "crm-2", "crm-4");
        assertThat(externalIds(http.get("/api/v1/customers?externalId=crm-3"))).containsExactly("crm-3");
        assertThat(externalIds(http.get("/api/v1/customers?externalId=nobody"))).isEmpty();
        assertThat(externalIds(http.get(
                        "/api/v1/customers?acquiredFrom=2026-02-01T00:00:00Z&acquiredTo=2026-04-01T00:00:00Z")))
                .containsExactly("crm-1", "crm-2");
    }

    @Test
    void mergePatchSetsClearsAndMergesAttributes() {
        Response created = create(Map.of(
                "externalId",
                "crm-1",
                "name",
                "Ada",
                "email",
                "ada@example.com",
                "attributes",
                Map.of("country", "DE", "tier", "gold")));
        String id = created.json().get("id").asString();
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("tier", null);
        attributes.put("language", "de");
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("name", "Ada King");
        patch.put("email", null);
        patch.put("attributes", attributes);

        Response patched = http.patch("/api/v1/customers/" + id, patch, Map.of());

        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        JsonNode body = patched.json();
        assertThat(body.get("name").asString()).isEqualTo("Ada King");
        assertThat(body.has("email")).isFalse();
        assertThat(body.get("attributes").properties()).hasSize(2);
        assertThat(body.get("attributes").get("country").asString()).isEqualTo("DE");
        assertThat(body.get("attributes").get("language").asString()).isEqualTo("de");
        assertThat(body.get("version").asLong()).isEqualTo(1);
    }

    @Test
    void patchingAFieldThatCannotChangeIsRefusedAndChangesNothing() {
        String id = createCustomer("crm-1");

        Response response = http.patch("/api/v1/customers/" + id, Map.of("externalId", "crm-2", "name", "X"), Map.of());

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("externalId");
        assertThat(http.get("/api/v1/customers/" + id).json().has("name")).isFalse();
    }

    @Test
    void patchWithAStaleIfMatchIsRefusedWith412() {
        String id = createCustomer("crm-1");
        http.patch("/api/v1/customers/" + id, Map.of("name", "First"), Map.of("If-Match", "\"0\""));

        Response stale = http.patch("/api/v1/customers/" + id, Map.of("name", "Second"), Map.of("If-Match", "\"0\""));

        assertThat(stale.status()).isEqualTo(412);
        assertThat(http.get("/api/v1/customers/" + id).json().get("name").asString())
                .isEqualTo("First");
    }

    @Test
    void erasureWipesPersonalDataButKeepsEvents() {
        Response created = create(Map.of(
                "externalId",
                "crm-1",
                "name",
                "Ada",
                "email",
                "ada@example.com",
                "attributes",
                Map.of("country", "DE")));
        String id = created.json().get("id").asString();
        http.post(
                "/api/v1/customers/" + id + "/events",
                Map.of(
                        "type",
                        "PURCHASE",
                        "occurredAt",
                        "2026-01-02T10:00:00Z",
                        "amount",
                        20,
                        "currency",
                        "EUR",
                        "eventKey",
                        "o-1"));

        assertThat(http.delete("/api/v1/customers/" + id).status()).isEqualTo(204);
        assertThat(http.delete("/api/v1/customers/" + id).status()).isEqualTo(204);

        JsonNode erased = http.get("/api/v1/customers/" + id).json();
        assertThat(erased.get("erased").asBoolean()).isTrue();
        assertThat(erased.has("name")).isFalse();
        assertThat(erased.has("email")).isFalse();
        assertThat(erased.get("attributes").properties()).isEmpty();
        assertThat(jdbc.queryForObject(
                        "select count(*) from customer where email is not null or name is not null", Long.class))
                .isZero();
        assertThat(http.get("/api/v1/customers/" + id + "/events")
                        .json()
                        .get("totalItems")
                        .asLong())
                .isEqualTo(1);

        Response lateEvent = http.post(
                "/api/v1/customers/" + id + "/events",
                Map.of("type", "LOGIN", "occurredAt", "2026-01-03T10:00:00Z", "eventKey", "l-1"));
        assertThat(lateEvent.status()).isEqualTo(409);
        assertThat(http.patch("/api/v1/customers/" + id, Map.of("name", "Back"), Map.of())
                        .status())
                .isEqualTo(409);
    }

    private static List<String> externalIds(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json()
                .get("items")
                .valueStream()
                .map(item -> item.get("externalId").asString())
                .toList();
    }

    static List<String> fields(Response response) {
        return response.json()
                .get("errors")
                .valueStream()
                .map(error -> error.get("field").asString())
                .toList();
    }
}
