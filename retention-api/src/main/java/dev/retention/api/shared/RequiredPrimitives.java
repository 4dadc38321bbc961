package dev.retention.api.shared;

import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Marks every property of a primitive Java type (counts, flags, sizes) as required: it always has a value and so is
 * always in the JSON, while object-typed properties are left out when null. Generated clients then type counts as
 * present. The component schemas are matched to the API's records by their schema name.
 */
@Configuration(proxyBeanMethods = false)
class RequiredPrimitives {

    private static final String API_PACKAGE = "dev.retention.api";
    private static final String PAGE = "PageResponse";

    @Bean
    OpenApiCustomizer primitivesAreRequired() {
        // The classpath scan runs when the document is built (once, on its first request), not at start-up.
        return openApi -> {
            Map<String, Class<?>> records = recordsBySchemaName();
            openApi.getComponents().getSchemas().forEach((name, schema) -> {
                Class<?> type = records.get(name.startsWith(PAGE) ? PAGE : name);
                if (type != null && type.isRecord()) {
                    markPrimitivesRequired(type, schema);
                }
            });
        };
    }

    private static void markPrimitivesRequired(Class<?> record, io.swagger.v3.oas.models.media.Schema<?> schema) {
        for (RecordComponent component : record.getRecordComponents()) {
            boolean present = schema.getProperties() != null
                    && schema.getProperties().containsKey(component.getName());
            if (component.getType().isPrimitive() && present && (schema.getRequired() == null
                    || !schema.getRequired().contains(component.getName()))) {
                schema.addRequiredItem(component.getName());
            }
        }
    }

    private static Map<String, Class<?>> recordsBySchemaName() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Schema.class));
        Map<String, Class<?>> records = new HashMap<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(API_PACKAGE)) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(),
                    RequiredPrimitives.class.getClassLoader());
            Schema schema = type.getAnnotation(Schema.class);
            records.put(schema.name().isEmpty() ? type.getSimpleName() : schema.name(), type);
        }
        return records;
    }
}
