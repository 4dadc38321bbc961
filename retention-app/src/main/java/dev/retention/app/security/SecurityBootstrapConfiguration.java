package dev.retention.app.security;

import dev.retention.domain.security.ApiKeys;
import dev.retention.domain.security.IssueApiKey;
import dev.retention.domain.shared.PageRequest;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class SecurityBootstrapConfiguration {

    @Bean
    BootstrapAdminKey bootstrapAdminKey(IssueApiKey issueApiKey) {
        return new BootstrapAdminKey(issueApiKey);
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ApplicationRunner installAdminKey(
            BootstrapAdminKey bootstrap,
            ApiKeys keys,
            Environment environment,
            @Value("${retention.bootstrap-admin-key:}") String operatorKey,
            @Value("${retention.admin-key-file:./data/admin-key}") Path keyFile) {
        return arguments -> {
            if (!operatorKey.isBlank()) {
                bootstrap.installOperatorKey(operatorKey.trim());
            } else if (environment.getProperty("spring.datasource.url", "").isBlank()) {
                bootstrap.generateOnFirstStart(keys.list(new PageRequest(0, 1)).totalItems() == 0, keyFile);
            }
        };
    }
}
