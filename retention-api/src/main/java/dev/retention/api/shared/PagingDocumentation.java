package dev.retention.api.shared;

import dev.retention.domain.shared.PageRequest;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Writes the paging limits that {@link Paging} enforces into every operation's page, size and limit parameters, so
 * that generated clients and validators know them.
 */
@Configuration(proxyBeanMethods = false)
class PagingDocumentation {

    @Bean
    OpenApiCustomizer pagingLimits() {
        return openApi -> openApi.getPaths()
                .values()
                .forEach(item -> item.readOperations().forEach(operation -> {
                    if (operation.getParameters() == null) {
                        return;
                    }
                    operation.getParameters().stream()
                            .filter(parameter -> "query".equals(parameter.getIn()))
                            .forEach(parameter -> {
                                Schema<?> schema = parameter.getSchema();
                                switch (parameter.getName()) {
                                    case "page" -> schema.setMinimum(BigDecimal.ZERO);
                                    case "size", "limit" -> {
                                        schema.setMinimum(BigDecimal.ONE);
                                        schema.setMaximum(BigDecimal.valueOf(PageRequest.MAX_SIZE));
                                    }
                                    default -> {}
                                }
                            });
                }));
    }
}
