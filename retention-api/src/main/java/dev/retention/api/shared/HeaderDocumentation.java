package dev.retention.api.shared;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Writes the headers that {@link ResponseHeaders} names into the operations of the OpenAPI document. */
@Configuration(proxyBeanMethods = false)
class HeaderDocumentation {

    @Bean
    OperationCustomizer responseHeaders() {
        return (operation, handler) -> {
            ResponseHeaders headers = handler.getMethodAnnotation(ResponseHeaders.class);
            if (headers == null) {
                return operation;
            }
            operation.getResponses().forEach((status, response) -> {
                if (!status.startsWith("2")) {
                    return;
                }
                if (headers.location()) {
                    response.addHeaderObject(
                            "Location", header("The address of the created or queued resource.", "uri-reference"));
                }
                if (headers.versionTag()) {
                    response.addHeaderObject(
                            "ETag",
                            header(
                                    "The resource's version, such as \"3\"; send it as "
                                            + "If-Match to change the resource only if nobody changed it since.",
                                    null));
                }
                if (headers.conditionalGet()) {
                    addCacheHeaders(response);
                }
            });
            if (headers.conditionalGet()) {
                operation.addParametersItem(new HeaderParameter()
                        .name("If-None-Match")
                        .required(false)
                        .description("An ETag of an earlier answer: 304 without a body while the figures are "
                                + "unchanged.")
                        .schema(new StringSchema()));
                ApiResponse notModified = new ApiResponse()
                        .description("Not modified: the figures are those of " + "the ETag sent in If-None-Match.");
                addCacheHeaders(notModified);
                operation.getResponses().addApiResponse("304", notModified);
            }
            return operation;
        };
    }

    private static void addCacheHeaders(ApiResponse response) {
        response.addHeaderObject(
                "ETag",
                header(
                        "The version of the figures, the same on every instance for the " + "same data and request.",
                        null));
        response.addHeaderObject("Cache-Control", header("private, max-age as configured (default 30 s).", null));
        response.addHeaderObject(
                "Vary",
                header(
                        "Authorization, X-API-Key, Accept: a cache keeps one answer per credential and per form "
                                + "(JSON or CSV).",
                        null));
    }

    private static Header header(String description, String format) {
        StringSchema schema = new StringSchema();
        if (format != null) {
            schema.format(format);
        }
        return new Header().description(description).schema(schema);
    }
}
