package dev.retention.api.shared;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.HashSet;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Documents the CSV form of every answer marked {@link CsvExport}: {@code text/csv} beside {@code application/json}
 * in its 200 answer, and the 406 for a format that is neither.
 */
@Configuration(proxyBeanMethods = false)
class CsvDocumentation {

    private static final String COMPONENT_REF = "#/components/schemas/";
    private static final String PAGE = "PageResponse";

    @Bean
    OpenApiCustomizer csvAnswers() {
        return openApi -> {
            Set<String> exported = exportedSchemaNames();
            openApi.getPaths()
                    .values()
                    .forEach(path -> path.readOperations().forEach(operation -> {
                        ApiResponse ok = operation.getResponses() == null
                                ? null
                                : operation.getResponses().get("200");
                        MediaType json = ok == null || ok.getContent() == null
                                ? null
                                : ok.getContent().get("application/json");
                        if (json != null && exported.contains(rowSchemaName(openApi, json.getSchema()))) {
                            document(operation, ok.getContent());
                        }
                    }));
        };
    }

    private static void document(Operation operation, Content content) {
        content.addMediaType(
                "text/csv",
                new MediaType()
                        .schema(new StringSchema()
                                .description("The same answer as CSV (RFC 4180, UTF-8, a header row): one row per "
                                        + "innermost list element, the values around it repeated on each row, nested "
                                        + "objects as dotted columns; see the README. Asked for with Accept: "
                                        + "text/csv, or with the query parameter format=csv (format=json for JSON), "
                                        + "which wins over the header and is left out of the parameter lists so that "
                                        + "generated clients keep their signatures.")));
        if (operation.getResponses().get("406") == null) {
            operation
                    .getResponses()
                    .addApiResponse(
                            "406",
                            new ApiResponse()
                                    .description("format (or Accept) asks for neither JSON nor CSV.")
                                    .content(new Content()
                                            .addMediaType(
                                                    "application/problem+json",
                                                    new MediaType()
                                                            .schema(new Schema<>().$ref(COMPONENT_REF + "Problem")))));
        }
    }

    /** The schema an answer's rows come from: the answer's own, or its list's or page's elements'. */
    private static String rowSchemaName(io.swagger.v3.oas.models.OpenAPI openApi, Schema<?> schema) {
        if (schema == null) {
            return null;
        }
        if (schema.getItems() != null) {
            return rowSchemaName(openApi, schema.getItems());
        }
        if (schema.get$ref() == null || !schema.get$ref().startsWith(COMPONENT_REF)) {
            return null;
        }
        String name = schema.get$ref().substring(COMPONENT_REF.length());
        if (name.startsWith(PAGE)) {
            Schema<?> page = openApi.getComponents().getSchemas().get(name);
            return page == null || page.getProperties() == null
                    ? null
                    : rowSchemaName(openApi, page.getProperties().get("items"));
        }
        return name;
    }

    private static Set<String> exportedSchemaNames() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(CsvExport.class));
        Set<String> names = new HashSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("dev.retention.api")) {
            Class<?> type =
                    ClassUtils.resolveClassName(candidate.getBeanClassName(), CsvDocumentation.class.getClassLoader());
            io.swagger.v3.oas.annotations.media.Schema schema =
                    type.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
            names.add(schema == null || schema.name().isEmpty() ? type.getSimpleName() : schema.name());
        }
        return names;
    }
}
