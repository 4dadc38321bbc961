package dev.retention.app;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper with Spring Boot's settings, reading within tight limits, so that hostile bodies (deep nesting,
 * huge strings or numbers) are refused early with a 400 instead of costing memory and time.
 */
@Configuration(proxyBeanMethods = false)
class JsonLimitsConfiguration {

    static final int MAX_NESTING_DEPTH = 64;
    static final int MAX_STRING_LENGTH = 1_000_000;
    static final int MAX_NUMBER_LENGTH = 64;
    static final int MAX_NAME_LENGTH = 1_000;

    @Bean
    JsonMapper jsonMapper(ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxNameLength(MAX_NAME_LENGTH)
                        .build())
                .build();
        JsonMapper.Builder builder = JsonMapper.builder(factory);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }
}
