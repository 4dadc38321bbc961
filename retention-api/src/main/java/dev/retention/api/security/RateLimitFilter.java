package dev.retention.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A token bucket (Bucket4j) per authenticated credential, kept where every instance of the service sees it (the
 * {@link ProxyManager}, in the database), so that the limit holds for the whole deployment; an empty bucket answers
 * 429 with Retry-After. The time each check takes is recorded as {@code retention.rate_limit.check}.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private final SecuritySettings.RateLimit settings;
    private final ProxyManager<String> buckets;
    private final BucketConfiguration configuration;
    private final Cache<String, Bucket> bucketProxies = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();
    private final Timer checks;

    RateLimitFilter(SecuritySettings.RateLimit settings, ProxyManager<String> buckets, MeterRegistry meters) {
        this.settings = settings;
        this.buckets = buckets;
        this.configuration = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(settings.capacity())
                        .refillGreedy(settings.perSecond(), Duration.ofSeconds(1))
                        .build())
                .build();
        this.checks = Timer.builder("retention.rate_limit.check")
                .description("Time to take a token from a credential's shared bucket")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(50_000))
                .maximumExpectedValue(Duration.ofSeconds(1))
                .register(meters);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!settings.enabled()
                || authentication == null
                || !authentication.isAuthenticated()
                || "anonymousUser".equals(authentication.getPrincipal())) {
            chain.doFilter(request, response);
            return;
        }
        ConsumptionProbe probe = checks.record(
                () -> bucketProxies.get(authentication.getName(), this::bucket).tryConsumeAndReturnRemaining(1));
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        ProblemResponses.write(
                request,
                response,
                HttpStatus.TOO_MANY_REQUESTS,
                "rate-limited",
                "Too many requests",
                "This credential sent more than " + settings.capacity() + " requests at once or more than "
                        + settings.perSecond() + " per second; retry after " + seconds + " s.",
                Map.of());
    }

    /** Batching: requests of one credential that arrive together on this instance take their tokens in one trip. */
    private Bucket bucket(String credential) {
        return buckets.builder().withOptimization(Optimizations.batching()).build(credential, () -> configuration);
    }
}
