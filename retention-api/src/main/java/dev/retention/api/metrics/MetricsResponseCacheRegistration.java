package dev.retention.api.metrics;

import dev.retention.api.shared.DataChanges;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Places the metrics response cache right after the security filters, so that only permitted calls reach it. */
@Configuration(proxyBeanMethods = false)
class MetricsResponseCacheRegistration {

    @Bean
    FilterRegistrationBean<MetricsResponseCache> metricsResponseCache(DataChanges dataChanges,
            MetricsDefaults defaults) {
        FilterRegistrationBean<MetricsResponseCache> registration = new FilterRegistrationBean<>(
                new MetricsResponseCache(dataChanges, defaults));
        registration.addUrlPatterns(MetricsResponseCache.PATHS + "*");
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
