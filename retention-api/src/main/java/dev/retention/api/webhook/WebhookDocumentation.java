package dev.retention.api.webhook;

import dev.retention.api.shared.EnumDocumentation;
import dev.retention.domain.webhook.WebhookKind;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the data schema of every kind of webhook message into the OpenAPI document, so that receivers can generate
 * their models, and names each kind's schema in the description of the kinds.
 */
@Configuration(proxyBeanMethods = false)
class WebhookDocumentation {

    private static final Map<WebhookKind, Class<?>> DATA = new LinkedHashMap<>();

    static {
        DATA.put(WebhookKind.CUSTOMER_AT_RISK, WebhookData.CustomerAtRisk.class);
        DATA.put(WebhookKind.CUSTOMER_CHURNED, WebhookData.CustomerLifecycle.class);
        DATA.put(WebhookKind.CUSTOMER_REACTIVATED, WebhookData.CustomerLifecycle.class);
        DATA.put(WebhookKind.CUSTOMER_P_ALIVE_BELOW, WebhookData.ProbabilityAlive.class);
        DATA.put(WebhookKind.LOYALTY_TIER_CHANGED, WebhookData.TierChanged.class);
        DATA.put(WebhookKind.LOYALTY_POINTS_EXPIRING, WebhookData.PointsExpiring.class);
        DATA.put(WebhookKind.STRATEGY_VERDICT, WebhookData.StrategyVerdict.class);
        DATA.put(WebhookKind.METRIC_THRESHOLD, WebhookData.MetricThreshold.class);
    }

    @Bean
    OpenApiCustomizer webhookMessageSchemas() {
        return openApi -> {
            Components components = openApi.getComponents();
            DATA.values().stream()
                    .distinct()
                    .forEach(type -> ModelConverters.getInstance().readAll(type).forEach(components::addSchemas));
            EnumDocumentation.stringEnum(
                    components,
                    EnumDocumentation.WEBHOOK_KIND,
                    "What a webhook message tells about, and the schema of its data: "
                            + Arrays.stream(WebhookKind.values())
                                    .map(kind -> kind.value() + " (data: " + schemaName(DATA.get(kind)) + "): "
                                            + kind.meaning())
                                    .collect(Collectors.joining(" ")),
                    Arrays.stream(WebhookKind.values()).map(WebhookKind::value).toList());
        };
    }

    private static String schemaName(Class<?> type) {
        return type.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class)
                .name();
    }
}
