package dev.retention.app.demo;

import dev.retention.app.RetentionProperties;
import dev.retention.domain.customer.Customers;
import dev.retention.domain.event.RecordEvents;
import dev.retention.domain.product.ManageProducts;
import dev.retention.domain.recommendation.RequestRecommendationBuild;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DemoDataConfiguration {

    @Bean
    DemoDataLoader demoDataLoader(
            Customers customers,
            RecordEvents recordEvents,
            ManageProducts products,
            RequestRecommendationBuild recommendations,
            RetentionProperties properties) {
        return new DemoDataLoader(
                customers,
                recordEvents,
                products,
                recommendations,
                properties.currency().getCurrencyCode());
    }

    @Bean
    @ConditionalOnBooleanProperty("retention.demo-data")
    ApplicationRunner loadDemoData(DemoDataLoader loader) {
        return arguments -> loader.loadIfEmpty();
    }
}
