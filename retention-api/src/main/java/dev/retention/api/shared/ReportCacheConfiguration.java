package dev.retention.api.shared;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report cache, and the response cache placed right after the security filters, so that only permitted calls
 * reach it.
 */
@Configuration(proxyBeanMethods = false)
class ReportCacheConfiguration {

    @Bean
    ReportCache reportCache(DataChanges dataChanges, JsonMapper json, ReportingSettings defaults) {
        return new ReportCache(dataChanges, json, defaults.cacheSize(), defaults.cacheTtl(), defaults.maxAge());
    }

    @Bean
    FilterRegistrationBean<ReportResponseCache> reportResponseCache(
            DataChanges dataChanges, ReportingSettings defaults) {
        FilterRegistrationBean<ReportResponseCache> registration =
                new FilterRegistrationBean<>(new ReportResponseCache(dataChanges, defaults));
        // Servlet URL patterns only match whole path segments ("/a/*") or exact paths: "/api/v1/segments/rfm*" would
        // match nothing. The filter sees every API request and picks the report paths itself.
        registration.addUrlPatterns("/api/v1/*");
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
