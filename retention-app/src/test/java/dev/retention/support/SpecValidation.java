package dev.retention.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Checks every answer of the API against the committed OpenAPI document: an undocumented status, a body that does
 * not match its schema (an undocumented field included) or a missing documented header fails the test that got it.
 * Requests are not checked, because many tests send invalid ones on purpose.
 */
final class SpecValidation {

    private static final Path SPEC =
            Path.of("..", "retention-client", "openapi.yaml").toAbsolutePath().normalize();

    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator.createForSpecificationUrl(
                    SPEC.toUri().toString())
            .withLevelResolver(LevelResolver.create()
                    .withLevel("validation.schema.additionalProperties", ValidationReport.Level.ERROR)
                    .build())
            .build();

    private SpecValidation() {}

    static void check(String method, URI uri, HttpResponse<String> response) {
        if (!uri.getPath().startsWith("/api/") || method.equals("OPTIONS")) {
            return; // the document describes the API; a CORS preflight is answered before it
        }
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode());
        response.headers().map().forEach((name, values) -> answer.withHeader(name, values));
        if (response.body() != null && !response.body().isEmpty()) {
            answer.withBody(response.body());
        }
        ValidationReport report =
                VALIDATOR.validateResponse(uri.getPath(), Request.Method.valueOf(method), answer.build());
        if (report.hasErrors()) {
            throw new AssertionError("The answer to " + method + " " + uri.getPath() + " (" + response.statusCode()
                    + ") breaks the OpenAPI document:\n"
                    + report.getMessages().stream()
                            .map(message -> "  " + message.getKey() + ": " + message.getMessage())
                            .collect(Collectors.joining("\n"))
                    + "\nbody: " + abbreviated(response.body()));
        }
    }

    private static String abbreviated(String body) {
        return body == null || body.length() < 500 ? body : body.substring(0, 500) + "...";
    }
}
