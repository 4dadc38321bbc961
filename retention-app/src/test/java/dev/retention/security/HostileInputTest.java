package dev.retention.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.support.ApiTest;
import dev.retention.support.Http.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Sends hostile input to every operation of the served OpenAPI document, authenticated as admin: malformed JSON,
 * wrong types, missing fields, out-of-range numbers, huge strings, deep nesting, injection strings and invalid
 * UTF-8. No answer may be a 5xx, every refusal must be Problem Details, and a refused request must leave the
 * database as it was.
 */
class HostileInputTest extends ApiTest {

    private static final List<String> HOSTILE_STRINGS = List.of(
            "' OR '1'='1",
            "'; drop table customer; --",
            "<script>alert(1)</script>",
            "${jndi:ldap://x/a}",
            "../../etc/passwd",
            "\u0000",
            "x".repeat(5_000),
            "-1",
            "99999999999999999999999",
            "NaN",
            "",
            "2026-13-45T99:99:99Z",
            "ЖЖЖ\uD83D\uDE00");

    private static final List<String> HOSTILE_BODIES = List.of(
            "{\"a\":",
            "[]",
            "\"text\"",
            "123",
            "null",
            "{}",
            "{\"events\": {}}",
            "{\"events\": [null]}",
            "{\"events\": [1, \"x\", []]}",
            "[".repeat(10_000),
            "{\"name\": " + "{\"a\":".repeat(200) + "1" + "}".repeat(200) + "}");

    private static final byte[] INVALID_UTF8 = {
        '{',
        '"',
        'e',
        'x',
        't',
        'e',
        'r',
        'n',
        'a',
        'l',
        'I',
        'd',
        '"',
        ':',
        '"',
        (byte) 0xC3,
        (byte) 0x28,
        (byte) 0xFF,
        '"',
        '}'
    };

    /** A package-qualified Java name such as dev.retention.domain.metrics.Granularity or @io.swagger...Parameter. */
    private static final String QUALIFIED_CLASS_NAME = "\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z]\\w*";

    private int sent;

    private record Operation(String method, String path, JsonNode definition) {}

    @Test
    void noOperationAnswers5xxAndRefusalsChangeNothing() {
        http.post("/api/v1/customers", Map.of("externalId", "existing"));
        JsonNode document = http.get("/v3/api-docs").json();
        for (Operation operation : operations(document)) {
            for (String id : List.of(
                    "5f0c9a8e-0b7e-4c57-9f55-0e4a7c1d2b3a",
                    "not-a-uuid",
                    "%27%20OR%201%3D1",
                    "%3Cscript%3E",
                    "x".repeat(1_000))) {
                String path = operation.path().replaceAll("\\{[^}]+}", id);
                sendHostileQueries(operation, path);
                if (hasBody(operation)) {
                    sendHostileBodies(operation, path, document);
                }
            }
        }
        System.out.println("Hostile input: " + sent + " requests sent");
        assertThat(sent).isGreaterThan(1_000);
    }

    private List<Operation> operations(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                operations.add(new Operation(operation.getKey().toUpperCase(), path.getKey(), operation.getValue()));
            }
        }
        return operations;
    }

    private static boolean hasBody(Operation operation) {
        return operation.method().equals("POST") || operation.method().equals("PATCH");
    }

    private void sendHostileQueries(Operation operation, String path) {
        List<String> names = new ArrayList<>();
        for (JsonNode parameter : operation.definition().path("parameters")) {
            if ("query".equals(parameter.path("in").asString())) {
                names.add(parameter.path("name").asString());
            }
        }
        check(operation, path, null, "application/json");
        for (String name : names) {
            for (String value : HOSTILE_STRINGS) {
                check(
                        operation,
                        path + "?" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8),
                        null,
                        "application/json");
            }
        }
    }

    private void sendHostileBodies(Operation operation, String path, JsonNode document) {
        String contentType = operation.method().equals("PATCH") ? "application/merge-patch+json" : "application/json";
        for (String body : HOSTILE_BODIES) {
            check(operation, path, body.getBytes(StandardCharsets.UTF_8), contentType);
        }
        check(operation, path, INVALID_UTF8, contentType);
        for (String field : fieldsOf(operation, document)) {
            for (Object value : hostileValues()) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put(field, value);
                check(operation, path, toJson(body).getBytes(StandardCharsets.UTF_8), contentType);
            }
        }
    }

    private static List<Object> hostileValues() {
        List<Object> values = new ArrayList<>(HOSTILE_STRINGS);
        values.add(-1);
        values.add(new java.math.BigDecimal("1e308"));
        values.add(Long.MIN_VALUE);
        values.add(List.of(1, 2));
        values.add(Map.of("nested", Map.of("deeper", List.of())));
        values.add(true);
        return values;
    }

    private List<String> fieldsOf(Operation operation, JsonNode document) {
        JsonNode schema = operation
                .definition()
                .path("requestBody")
                .path("content")
                .valueStream()
                .map(media -> media.path("schema"))
                .findFirst()
                .orElse(null);
        List<String> fields = new ArrayList<>();
        if (schema == null) {
            return fields;
        }
        JsonNode resolved = resolve(schema, document);
        resolved.path("properties").propertyNames().forEach(fields::add);
        return fields;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode document) {
        String reference = schema.path("$ref").asString("");
        if (reference.isEmpty()) {
            return schema;
        }
        return document.get("components").get("schemas").get(reference.substring(reference.lastIndexOf('/') + 1));
    }

    private static String toJson(Object value) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(value);
    }

    private void check(Operation operation, String path, byte[] body, String contentType) {
        Map<String, Long> before = counts();
        Response response = http.sendBytes(operation.method(), path, body, contentType, Map.of());
        sent++;
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        String description = operation.method() + " " + path.substring(0, Math.min(path.length(), 200)) + " "
                + text.substring(0, Math.min(text.length(), 200));
        assertThat(response.status()).as(description + " -> " + response).isLessThan(500);
        if (response.status() >= 400) {
            assertThat(response.header("Content-Type"))
                    .as(description + " -> " + response)
                    .startsWith("application/problem+json");
            assertThat(response.body())
                    .as(description)
                    .doesNotContain("Exception")
                    .doesNotContain("at dev.")
                    .doesNotContainIgnoringCase("select ")
                    .doesNotContainPattern(QUALIFIED_CLASS_NAME);
            assertThat(counts()).as(description + " changed the database").isEqualTo(before);
        }
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("customer", "customer_event", "api_key", "audit_entry")) {
            counts.put(table, count(table));
        }
        counts.put(
                "erased", jdbc.queryForObject("select count(*) from customer where erased_at is not null", Long.class));
        return counts;
    }
}
