package dev.retention.app.security;

import dev.retention.api.security.SecuritySettings;
import dev.retention.domain.security.LimitRequests;
import dev.retention.domain.security.TokenBuckets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The configured rate limit, drawn from the token buckets that every instance shares in the database. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    LimitRequests limitRequests(TokenBuckets buckets, SecuritySettings settings) {
        return new LimitRequests(
                buckets, settings.rateLimit().capacity(), settings.rateLimit().perSecond());
    }
}
