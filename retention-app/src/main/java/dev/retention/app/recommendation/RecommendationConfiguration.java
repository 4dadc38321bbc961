package dev.retention.app.recommendation;

import dev.retention.domain.customer.Customers;
import dev.retention.domain.product.ManageProducts;
import dev.retention.domain.product.Products;
import dev.retention.domain.recommendation.RecommendForCustomers;
import dev.retention.domain.recommendation.RecommendProducts;
import dev.retention.domain.recommendation.RecommendationStore;
import dev.retention.domain.recommendation.RequestRecommendationBuild;
import dev.retention.domain.recommendation.RunRecommendationBuild;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RecommendationConfiguration {

    @Bean
    ManageProducts manageProducts(Products products, Clock clock) {
        return new ManageProducts(products, clock);
    }

    /** One build at a time on this instance: a build holds every customer's purchases in memory. */
    @Bean(destroyMethod = "shutdown")
    ExecutorService recommendationBuilder() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "recommendation-build");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    RunRecommendationBuild runRecommendationBuild(RecommendationStore store, Products products, Clock clock) {
        return new RunRecommendationBuild(store, products, clock);
    }

    @Bean
    RequestRecommendationBuild requestRecommendationBuild(
            RecommendationStore store, RunRecommendationBuild run, ExecutorService recommendationBuilder, Clock clock) {
        return new RequestRecommendationBuild(store, run, recommendationBuilder, clock);
    }

    @Bean
    RecommendForCustomers recommendForCustomers(RecommendationStore store, Products products) {
        return new RecommendForCustomers(store, products);
    }

    @Bean
    RecommendProducts recommendProducts(RecommendationStore store, Customers customers, Products products) {
        return new RecommendProducts(store, customers, products);
    }
}
