package dev.retention.api.metrics;

import dev.retention.api.shared.DataChanges;
import dev.retention.api.shared.ReportCache;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The report cache, and the response cache placed right after the security filters, so that only permitted calls
 * reach it.
 */
@Configuration(proxyBeanMethods = false)
class MetricsResponseCacheRegistration {

    @Bean
    ReportCache reportCache(DataChanges dataChanges, MetricsDefaults defaults) {
        return new ReportCache(dataChanges, defaults.cacheSize(), defaults.cacheTtl(), defaults.maxAge());
    }

    @Bean
    FilterRegistrationBean<MetricsResponseCache> metricsResponseCache(DataChanges dataChanges,
            MetricsDefaults defaults) {
        FilterRegistrationBean<MetricsResponseCache> registration = new FilterRegistrationBean<>(
                new MetricsResponseCache(dataChanges, defaults));
        MetricsResponseCache.PATHS.forEach(path -> registration.addUrlPatterns(path + "*"));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
