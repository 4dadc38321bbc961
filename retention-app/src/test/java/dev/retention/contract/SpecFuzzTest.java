package dev.retention.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.support.ApiTest;
import dev.retention.support.Http.Response;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Requests generated from the committed OpenAPI document, for every operation, against a service holding data:
 * valid ones (random values that conform to the schemas, every enum value and the boundaries of every range) and
 * invalid ones (one value broken: a wrong type, a value past a bound, an unknown enum value, a missing required
 * field). No answer may be a 5xx, every answer must match the document (checked on every call, see
 * {@code SpecValidation}), a valid request must not be refused as malformed (400; one that breaks a rule the schema
 * cannot state, such as an end before its start, is well-formed and gets 422) and an invalid one must be refused
 * with a 4xx. Seeded, so a failure repeats.
 */
class SpecFuzzTest extends ApiTest {

    private static final long SEED = 20261129L;
    private static final int VALID_PER_OPERATION = 40;
    private static final int INVALID_PER_OPERATION = 20;
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private final Random random = new Random(SEED);
    private OpenAPI spec;
    private final Map<String, String> ids = new LinkedHashMap<>();
    private int valid;
    private int invalid;
    private int refusedAsBroken;

    @Test
    void generatedRequestsGetDocumentedAnswersAndValidOnesAreNeverRefusedAsMalformed() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        spec = new OpenAPIParser()
                .readLocation(
                        Path.of("..", "retention-client", "openapi.yaml")
                                .toUri()
                                .toString(),
                        null,
                        options)
                .getOpenAPI();
        holdData();

        List<String> refusedValid = new ArrayList<>();
        spec.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    for (int i = 0; i < VALID_PER_OPERATION; i++) {
                        Response response = send(method.name(), path, operation, i, null);
                        valid++;
                        if (response.status() == 400) {
                            refusedValid.add(method + " " + path + " -> " + response.body());
                        }
                    }
                    for (int i = 0; i < INVALID_PER_OPERATION; i++) {
                        Breakage breakage = new Breakage(random.nextInt(3));
                        Response response = send(method.name(), path, operation, i, breakage);
                        if (breakage.applied) {
                            invalid++;
                            assertThat(response.status())
                                    .as(method + " " + path + " with " + breakage.what + " -> " + response)
                                    .isBetween(400, 499);
                            refusedAsBroken++;
                        } else {
                            // nothing of it could be broken (no parameter, or free text only): a valid request after
                            // all
                            valid++;
                            if (response.status() == 400) {
                                refusedValid.add(method + " " + path + " -> " + response.body());
                            }
                        }
                    }
                }));

        System.out.println("Schema fuzzing: " + valid + " valid and " + invalid + " invalid requests sent (seed " + SEED
                + "); every invalid one refused with a 4xx");
        assertThat(refusedValid).as("valid requests refused with 400").isEmpty();
        assertThat(valid + invalid).isGreaterThan(2_000);
        assertThat(refusedAsBroken).isEqualTo(invalid).isGreaterThan(300);
    }

    /** Which value of a request to break, and how; {@code applied} once it was. */
    private static final class Breakage {

        private int countdown;
        private boolean applied;
        private String what = "";

        Breakage(int position) {
            this.countdown = position;
        }
    }

    /** Customers with events, a loyalty programme and reward, a strategy, a key: something for every path to find. */
    private void holdData() {
        List<Map<String, Object>> events = new ArrayList<>();
        for (int c = 0; c < 30; c++) {
            events.add(Map.of(
                    "externalId",
                    "f" + c,
                    "createCustomer",
                    true,
                    "type",
                    "ACQUIRED",
                    "occurredAt",
                    NOW.minus(400 - c, ChronoUnit.DAYS).toString(),
                    "eventKey",
                    "acq"));
            for (int p = 0; p < 1 + c % 4; p++) {
                events.add(Map.of(
                        "externalId",
                        "f" + c,
                        "type",
                        "PURCHASE",
                        "amount",
                        (10 + c) + ".50",
                        "currency",
                        "EUR",
                        "occurredAt",
                        NOW.minus(300 - 40L * p - c, ChronoUnit.DAYS).toString(),
                        "eventKey",
                        "p" + p));
            }
        }
        assertThat(http.post("/api/v1/events:batch", Map.of("events", events)).status())
                .isEqualTo(200);
        ids.put("customer", customerId("f1"));
        ids.put("victim", customerId("f2"));
        assertThat(http.post(
                                "/api/v1/loyalty/programme/versions",
                                Map.of(
                                        "pointsPerUnit",
                                        1,
                                        "tiers",
                                        List.of(Map.of("name", "Green", "qualifyingPoints", 0, "multiplier", 1))))
                        .status())
                .isEqualTo(201);
        http.post("/api/v1/loyalty/accounts/" + ids.get("customer"), Map.of());
        ids.put(
                "reward",
                http.post("/api/v1/loyalty/rewards", Map.of("name", "Coffee", "costPoints", 10))
                        .json()
                        .get("id")
                        .asString());
        String strategy = http.post(
                        "/api/v1/strategies",
                        Map.of(
                                "name",
                                "Fuzz",
                                "type",
                                "EXPERIENCE",
                                "action",
                                "Call",
                                "channel",
                                "PHONE",
                                "target",
                                Map.of("customerSegment", "none"),
                                "startsAt",
                                NOW.minus(1, ChronoUnit.DAYS).toString(),
                                "endsAt",
                                NOW.plus(30, ChronoUnit.DAYS).toString()))
                .json()
                .get("id")
                .asString();
        http.post("/api/v1/strategies/" + strategy + "/transitions", Map.of("status", "ACTIVE"));
        ids.put("strategy", strategy);
        ids.put(
                "key",
                http.post("/api/v1/admin/api-keys", Map.of("name", "fuzz", "scopes", List.of("ops")))
                        .json()
                        .get("apiKey")
                        .get("id")
                        .asString());
    }

    private String customerId(String externalId) {
        return http.get("/api/v1/customers?externalId=" + externalId)
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asString();
    }

    private Response send(String method, String template, Operation operation, int round, Breakage breakage) {
        String path = template;
        StringBuilder query = new StringBuilder();
        Map<String, String> headers = new LinkedHashMap<>();
        for (Parameter parameter :
                operation.getParameters() == null ? List.<Parameter>of() : operation.getParameters()) {
            if (parameter.getIn().equals("path")) {
                Object value = pathValue(template, parameter, round);
                path = path.replace(
                        "{" + parameter.getName() + "}",
                        encode(breakIfDue(breakage, parameter.getName(), value, parameter.getSchema())));
            } else if (Boolean.TRUE.equals(parameter.getRequired()) || random.nextBoolean()) {
                if (parameter.getIn().equals("header")) {
                    continue; // If-Match and If-None-Match: conditional requests have tests of their own
                }
                Object value = breakIfDue(
                        breakage,
                        parameter.getName(),
                        value(parameter.getName(), parameter.getSchema(), round),
                        parameter.getSchema());
                if (value != null) {
                    query.append(query.isEmpty() ? "?" : "&")
                            .append(parameter.getName())
                            .append('=')
                            .append(encode(value));
                }
            }
        }
        Object body = null;
        String contentType = "application/json";
        if (operation.getRequestBody() != null) {
            var media = operation
                    .getRequestBody()
                    .getContent()
                    .entrySet()
                    .iterator()
                    .next();
            contentType = media.getKey();
            body = value("body", media.getValue().getSchema(), round);
            body = breakBody(breakage, body, media.getValue().getSchema());
        }
        return http.send(method, path + query, body, contentType, headers);
    }

    private Object pathValue(String template, Parameter parameter, int round) {
        Schema<?> schema = resolved(parameter.getSchema());
        if (schema.getEnum() != null) {
            return schema.getEnum().get(round % schema.getEnum().size());
        }
        if (template.startsWith("/api/v1/admin/api-keys")) {
            return ids.get("key");
        }
        if (template.startsWith("/api/v1/loyalty/rewards")) {
            return ids.get("reward");
        }
        if (template.startsWith("/api/v1/strategies")) {
            return ids.get("strategy");
        }
        if (template.equals("/api/v1/customers/{id}") && round % 2 == 1) {
            return ids.get("victim"); // erasure and changes land on a customer the other calls do not need
        }
        if (template.startsWith("/api/v1/customers") || template.startsWith("/api/v1/loyalty/accounts")) {
            return round % 5 == 4 ? UUID.randomUUID().toString() : ids.get("customer");
        }
        return UUID.randomUUID().toString();
    }

    /** A value that conforms to the schema; the name picks sensible values for dates and zones. */
    private Object value(String name, Schema<?> schema, int round) {
        schema = resolved(schema);
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return schema.getEnum()
                    .get((round + random.nextInt(2)) % schema.getEnum().size());
        }
        String type =
                schema.getType() == null ? (schema.getProperties() != null ? "object" : "string") : schema.getType();
        return switch (type) {
            case "integer" -> integer(schema, round);
            case "number" -> number(schema, round);
            case "boolean" -> random.nextBoolean();
            case "array" -> {
                List<Object> items = new ArrayList<>();
                int size = Math.max(schema.getMinItems() == null ? 0 : schema.getMinItems(), 1 + random.nextInt(3));
                for (int i = 0; i < size; i++) {
                    items.add(value(name, schema.getItems(), round + i));
                }
                yield items;
            }
            case "object" -> object(schema, round);
            default -> string(name, schema, round);
        };
    }

    private Map<String, Object> object(Schema<?> schema, int round) {
        Map<String, Object> object = new LinkedHashMap<>();
        if (schema.getProperties() == null) {
            if (schema.getAdditionalProperties() instanceof Schema<?>) {
                object.put("k" + random.nextInt(5), "v" + random.nextInt(100));
            }
            return object;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        schema.getProperties().forEach((property, propertySchema) -> {
            if (required.contains(property) || random.nextInt(3) > 0) {
                object.put(property, value(property, propertySchema, round));
            }
        });
        return object;
    }

    private Object integer(Schema<?> schema, int round) {
        long min = schema.getMinimum() == null ? 0 : schema.getMinimum().longValue();
        long max = schema.getMaximum() == null
                ? Math.max(min + 100, 100)
                : schema.getMaximum().longValue();
        return switch (round % 4) {
            case 0 -> min;
            case 1 -> max;
            default -> min + (long) (random.nextDouble() * (max - min));
        };
    }

    private Object number(Schema<?> schema, int round) {
        BigDecimal min = schema.getMinimum() == null ? BigDecimal.ZERO : schema.getMinimum();
        BigDecimal max = schema.getMaximum() == null ? min.add(BigDecimal.valueOf(1_000)) : schema.getMaximum();
        BigDecimal step = new BigDecimal("0.01");
        if (round % 4 == 0) {
            return Boolean.TRUE.equals(schema.getExclusiveMinimum()) ? min.add(step) : min;
        }
        if (round % 4 == 1) {
            return Boolean.TRUE.equals(schema.getExclusiveMaximum()) ? max.subtract(step) : max;
        }
        return min.add(max.subtract(min).multiply(BigDecimal.valueOf(random.nextDouble())))
                .setScale(2, RoundingMode.DOWN)
                .max(min.add(step));
    }

    private Object string(String name, Schema<?> schema, int round) {
        String format = schema.getFormat() == null ? "" : schema.getFormat();
        return switch (format) {
            case "date" ->
                LocalDate.parse("2026-01-01")
                        .plusDays(
                                name.equals("to") || name.endsWith("End")
                                        ? 180 + random.nextInt(180)
                                        : random.nextInt(150))
                        .toString();
            case "date-time" -> NOW.minus(random.nextInt(400), ChronoUnit.DAYS).toString();
            case "uuid" ->
                name.equals("customerId")
                        ? ids.get("customer")
                        : name.equals("rewardId")
                                ? ids.get("reward")
                                : UUID.randomUUID().toString();
            case "uri", "uri-reference" -> "https://example.com/" + random.nextInt(100);
            case "email" -> "c" + random.nextInt(1_000) + "@example.com";
            default -> {
                if (name.equals("zone")) {
                    yield List.of("UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata")
                            .get(round % 4);
                }
                if (name.equals("currency")) {
                    yield "EUR";
                }
                int max = schema.getMaxLength() == null ? 12 : Math.min(schema.getMaxLength(), 12);
                int min = schema.getMinLength() == null ? 1 : schema.getMinLength();
                StringBuilder text = new StringBuilder();
                int length = Math.max(min, 1 + random.nextInt(Math.max(1, max)));
                for (int i = 0; i < length; i++) {
                    text.append((char) ('a' + random.nextInt(26)));
                }
                yield text.toString();
            }
        };
    }

    private Object breakIfDue(Breakage breakage, String name, Object value, Schema<?> schema) {
        if (breakage == null || breakage.applied || breakage.countdown-- > 0) {
            return value;
        }
        Object broken = broken(resolved(schema));
        if (broken == null) {
            breakage.countdown = 0;
            return value;
        }
        breakage.applied = true;
        breakage.what = name + "=" + broken;
        return broken;
    }

    /** A value the schema refuses, or null when it refuses nothing of ours (free text). */
    private Object broken(Schema<?> schema) {
        if (schema.getEnum() != null) {
            return "NOT_A_VALUE";
        }
        String type = schema.getType() == null ? "string" : schema.getType();
        return switch (type) {
            case "integer" ->
                schema.getMaximum() != null
                        ? schema.getMaximum().longValue() + 1
                        : schema.getMinimum() != null ? schema.getMinimum().longValue() - 1 : "twelve";
            case "number" -> schema.getMinimum() != null ? schema.getMinimum().subtract(BigDecimal.ONE) : "many";
            case "boolean" -> "maybe";
            default ->
                switch (schema.getFormat() == null ? "" : schema.getFormat()) {
                    case "date" -> "2026-13-45";
                    case "date-time" -> "yesterday";
                    case "uuid" -> "not-a-uuid";
                    default -> schema.getMaxLength() != null ? "x".repeat(schema.getMaxLength() + 1) : null;
                };
        };
    }

    /** Breaks one property of the body: a refused value, or a required property left out. */
    @SuppressWarnings("unchecked")
    private Object breakBody(Breakage breakage, Object body, Schema<?> schema) {
        if (breakage == null || breakage.applied || !(body instanceof Map<?, ?>)) {
            return body;
        }
        Schema<?> resolved = resolved(schema);
        Map<String, Object> object = new LinkedHashMap<>((Map<String, Object>) body);
        List<String> required = resolved.getRequired() == null ? List.of() : resolved.getRequired();
        if (!required.isEmpty() && random.nextBoolean()) {
            String left = required.get(random.nextInt(required.size()));
            object.remove(left);
            breakage.applied = true;
            breakage.what = "no " + left;
            return object;
        }
        for (Map.Entry<String, Object> entry : new ArrayList<>(object.entrySet())) {
            Object broken = broken(resolved(resolved.getProperties().get(entry.getKey())));
            if (broken != null) {
                object.put(entry.getKey(), broken);
                breakage.applied = true;
                breakage.what = entry.getKey() + "=" + broken;
                return object;
            }
        }
        return object;
    }

    private Schema<?> resolved(Schema<?> schema) {
        if (schema != null && schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            return spec.getComponents().getSchemas().get(name);
        }
        return schema;
    }

    private static String encode(Object value) {
        return URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8);
    }
}
