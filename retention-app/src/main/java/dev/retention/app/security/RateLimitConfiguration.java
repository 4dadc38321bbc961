package dev.retention.app.security;

import dev.retention.api.security.SecuritySettings;
import dev.retention.domain.security.LimitRequests;
import dev.retention.domain.security.TokenBuckets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The configured rate limit, drawn from the token buckets that every instance shares in the database. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

    @Bean
    LimitRequests limitRequests(TokenBuckets buckets, SecuritySettings settings, ExecutorService rateLimitRefills) {
        return new LimitRequests(
                buckets,
                settings.rateLimit().capacity(),
                settings.rateLimit().perSecond(),
                rateLimitRefills,
                System::nanoTime);
    }

    /**
     * Takes the next lot of tokens while requests still use the last one. A failed refill is only logged: the next
     * request that finds no token asks the bucket itself, and answers 503 if the database is gone.
     */
    @Bean(destroyMethod = "shutdown")
    ExecutorService rateLimitRefills() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "rate-limit-refill");
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler(
                    (failed, unexpected) -> log.warn("A rate-limit refill failed: {}", unexpected.getMessage()));
            return thread;
        });
    }
}
