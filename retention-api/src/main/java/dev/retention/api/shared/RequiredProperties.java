package dev.retention.api.shared;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.models.OpenAPI;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * States which properties are always in the JSON, so that generated clients type them as present:
 * <ul>
 * <li>every property of a primitive Java type (counts, flags, sizes), in requests and answers: it always has a
 * value;</li>
 * <li>every property of an answer's record unless its component is {@link Nullable}: the service leaves a property
 * out exactly when it is null, so a component that is never null is always sent.</li>
 * </ul>
 * The component schemas are matched to the API's records by their schema name; the answers' schemas are those
 * reachable from a response of some operation.
 */
@Configuration(proxyBeanMethods = false)
class RequiredProperties {

    private static final String API_PACKAGE = "dev.retention.api";
    private static final String PAGE = "PageResponse";
    private static final String COMPONENT_REF = "#/components/schemas/";

    @Bean
    OpenApiCustomizer alwaysPresentPropertiesAreRequired() {
        // The classpath scan runs when the document is built (once, on its first request), not at start-up.
        return openApi -> {
            Map<String, Class<?>> records = recordsBySchemaName();
            Set<String> answers = schemasOfAnswers(openApi);
            openApi.getComponents().getSchemas().forEach((name, schema) -> {
                Class<?> type = records.get(name.startsWith(PAGE) ? PAGE : name);
                if (type != null && type.isRecord() && schema.getProperties() != null) {
                    markRequired(type, schema, answers.contains(name));
                }
            });
        };
    }

    private static void markRequired(Class<?> record, io.swagger.v3.oas.models.media.Schema<?> schema, boolean answer) {
        for (RecordComponent component : record.getRecordComponents()) {
            String name = component.getName();
            boolean alwaysPresent = component.getType().isPrimitive()
                    || (answer && !component.getAnnotatedType().isAnnotationPresent(Nullable.class));
            boolean listed =
                    schema.getRequired() != null && schema.getRequired().contains(name);
            if (alwaysPresent && schema.getProperties().containsKey(name) && !listed) {
                schema.addRequiredItem(name);
            }
        }
    }

    /** The component schemas that some response uses, directly or through another schema. */
    private static Set<String> schemasOfAnswers(OpenAPI openApi) {
        Deque<String> pending = new ArrayDeque<>();
        openApi.getPaths()
                .values()
                .forEach(path -> path.readOperations().forEach(operation -> {
                    if (operation.getResponses() != null) {
                        collectReferences(operation.getResponses(), pending);
                    }
                }));
        Set<String> reached = new HashSet<>();
        while (!pending.isEmpty()) {
            String name = pending.pop();
            io.swagger.v3.oas.models.media.Schema<?> schema =
                    openApi.getComponents().getSchemas().get(name);
            if (reached.add(name) && schema != null) {
                collectReferences(schema, pending);
            }
        }
        return reached;
    }

    /** Walks the document's model objects through their getters' values: maps, lists, schemas and responses. */
    private static void collectReferences(Object node, Deque<String> names) {
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(value -> collectReferences(value, names));
        } else if (node instanceof Collection<?> items) {
            items.forEach(item -> collectReferences(item, names));
        } else if (node instanceof io.swagger.v3.oas.models.media.Schema<?> schema) {
            if (schema.get$ref() != null && schema.get$ref().startsWith(COMPONENT_REF)) {
                names.push(schema.get$ref().substring(COMPONENT_REF.length()));
            }
            collectReferences(schema.getProperties(), names);
            collectReferences(schema.getItems(), names);
            collectReferences(schema.getAllOf(), names);
            collectReferences(schema.getOneOf(), names);
            collectReferences(schema.getAnyOf(), names);
            if (schema.getAdditionalProperties() instanceof io.swagger.v3.oas.models.media.Schema<?> values) {
                collectReferences(values, names);
            }
        } else if (node instanceof io.swagger.v3.oas.models.responses.ApiResponse response
                && response.getContent() != null) {
            response.getContent().values().forEach(media -> collectReferences(media.getSchema(), names));
        }
    }

    private static Map<String, Class<?>> recordsBySchemaName() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Schema.class));
        Map<String, Class<?>> records = new HashMap<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(API_PACKAGE)) {
            Class<?> type = ClassUtils.resolveClassName(
                    candidate.getBeanClassName(), RequiredProperties.class.getClassLoader());
            Schema schema = type.getAnnotation(Schema.class);
            records.put(schema.name().isEmpty() ? type.getSimpleName() : schema.name(), type);
        }
        return records;
    }
}
