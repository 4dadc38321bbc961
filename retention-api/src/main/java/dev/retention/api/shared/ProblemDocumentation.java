package dev.retention.api.shared;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Describes the error answers as the service sends them: every 4xx and 5xx is an RFC 9457 Problem Details document
 * ({@code Problem}), the refused batch one that also lists every event's outcome ({@code BatchProblem}); 429 and
 * 503 carry Retry-After. Generated clients then read errors as typed objects. Operations declare an error answer
 * by its status and meaning only; its content is added here, once for all.
 */
@Configuration(proxyBeanMethods = false)
public class ProblemDocumentation {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM = "Problem";
    private static final String BATCH_PROBLEM = "BatchProblem";
    private static final String BATCH_OPERATION = "recordEventBatch";

    static {
        // One component per enum, used by every schema and parameter, instead of an inline copy at each use.
        ModelResolver.enumsAsRef = true;
    }

    /** An error answer whose body is a {@code Problem}. */
    public static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(problemContent(PROBLEM));
    }

    /** An error answer that tells the client when to try again. */
    public static ApiResponse problemWithRetryAfter(String description) {
        return problem(description)
                .addHeaderObject(
                        "Retry-After",
                        new Header()
                                .description("Seconds to wait before trying again.")
                                .schema(new IntegerSchema()));
    }

    @Bean
    OpenApiCustomizer problemsInResponses() {
        return openApi -> {
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            openApi.getComponents().addSchemas(BATCH_PROBLEM, batchProblemSchema());
            openApi.getPaths()
                    .forEach((path, item) -> item.readOperations().forEach(operation -> {
                        ApiResponses responses = operation.getResponses();
                        if (path.startsWith("/api/")) {
                            responses.addApiResponse(
                                    "503",
                                    problemWithRetryAfter(
                                            "The database cannot be reached; retry " + "after the given seconds."));
                        }
                        boolean takesInput = (operation.getParameters() != null
                                        && !operation.getParameters().isEmpty())
                                || operation.getRequestBody() != null;
                        if (takesInput && !responses.containsKey("400")) {
                            responses.addApiResponse(
                                    "400",
                                    problem("A parameter or the body is malformed or out of range; "
                                            + "errors names each one."));
                        }
                        boolean relatesValues = operation.getRequestBody() != null
                                || (operation.getParameters() != null
                                        && operation.getParameters().stream()
                                                .anyMatch(parameter -> "to".equals(parameter.getName())));
                        if (relatesValues) {
                            responses.putIfAbsent(
                                    "422",
                                    problem("Well-formed, but a value breaks a rule relating it to "
                                            + "another value, to the present or to stored data (an end before its start, an expiry "
                                            + "in the past); errors names each one."));
                        }
                        if (operation.getRequestBody() != null) {
                            responses.putIfAbsent(
                                    "413",
                                    problem("The body is larger than the configured limit (8 MiB by " + "default)."));
                            responses.putIfAbsent(
                                    "415", problem("The body's Content-Type is not one the operation " + "accepts."));
                        }
                        responses.forEach((status, response) -> {
                            if (status.startsWith("4") || status.startsWith("5")) {
                                boolean batch =
                                        BATCH_OPERATION.equals(operation.getOperationId()) && status.equals("422");
                                response.setContent(problemContent(batch ? BATCH_PROBLEM : PROBLEM));
                            }
                        });
                    }));
        };
    }

    private static Content problemContent(String schema) {
        return new Content()
                .addMediaType(
                        PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + schema)));
    }

    private static ObjectSchema problemSchema() {
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 Problem Details: a fixed type URI per kind of problem, a readable title, and "
                + "where fields are at fault, errors naming each one.");
        addProblemProperties(problem);
        return problem;
    }

    private static ObjectSchema batchProblemSchema() {
        ObjectSchema batch = new ObjectSchema();
        batch.description("A refused batch (422): Problem Details with every event's outcome; nothing was written.");
        addProblemProperties(batch);
        batch.addProperty(
                "created",
                new IntegerSchema()
                        .format("int64")
                        .description(
                                "Events that would have been " + "created; always 0 here, as nothing was written."));
        batch.addProperty(
                "duplicates",
                new IntegerSchema()
                        .format("int64")
                        .description("Events already stored " + "under their key with the same content."));
        batch.addProperty("rejected", new IntegerSchema().format("int64").description("Events refused."));
        batch.addProperty(
                "items",
                new ArraySchema()
                        .items(new Schema<>().$ref("#/components/schemas/" + "BatchItemResponse"))
                        .description("One outcome per event, in the order sent."));
        batch.required(List.of("type", "title", "status", "created", "duplicates", "rejected", "items"));
        return batch;
    }

    private static void addProblemProperties(ObjectSchema schema) {
        schema.addProperty(
                "type",
                new StringSchema()
                        .format("uri")
                        .description(
                                "The kind of problem, such as " + "https://retention.dev/problems/invalid-input."));
        schema.addProperty("title", new StringSchema().description("A short, readable summary of the kind."));
        schema.addProperty("status", new IntegerSchema().description("The HTTP status."));
        schema.addProperty("detail", new StringSchema().description("What went wrong in this request."));
        schema.addProperty(
                "instance", new StringSchema().format("uri-reference").description("The request path."));
        schema.addProperty(
                "errors",
                new ArraySchema()
                        .items(new Schema<>().$ref("#/components/schemas/FieldError"))
                        .description("Each offending field and why; present where fields are at fault."));
        schema.addProperty("requiredScope", new StringSchema().description("The scope the credential lacks (403)."));
        schema.addProperty(
                "maxBytes", new IntegerSchema().format("int64").description("The largest body accepted " + "(413)."));
        schema.required(List.of("type", "title", "status"));
    }
}
