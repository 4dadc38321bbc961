package dev.retention.api.security;

import dev.retention.domain.security.LimitRequests;
import dev.retention.domain.security.TokenBuckets;
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
 * A token bucket per authenticated credential, kept where every instance of the service draws from it (the database),
 * so that the limit holds for the whole deployment; an empty bucket answers 429 with Retry-After. The time each check
 * takes (mostly local: see {@link LimitRequests}) is recorded as {@code retention.rate_limit.check}.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private final SecuritySettings.RateLimit settings;
    private final LimitRequests limits;
    private final Timer checks;

    RateLimitFilter(SecuritySettings.RateLimit settings, LimitRequests limits, MeterRegistry meters) {
        this.settings = settings;
        this.limits = limits;
        this.checks = Timer.builder("retention.rate_limit.check")
                .description(
                        "Time to decide whether a credential may send a request: from the tokens this instance holds, or from "
                                + "the shared bucket; with limits off, the time to find that out")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(1_000))
                .maximumExpectedValue(Duration.ofSeconds(1))
                .register(meters);
    }

    /**
     * With limits off the decision is still timed, as the floor of what timing a check costs on this machine: the
     * benchmark compares the two.
     */
    private TokenBuckets.Take decide(String credential) {
        return settings.enabled() ? limits.take(credential) : TokenBuckets.Take.TAKEN;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || "anonymousUser".equals(authentication.getPrincipal())) {
            chain.doFilter(request, response);
            return;
        }
        TokenBuckets.Take take = checks.record(() -> decide(authentication.getName()));
        if (take.taken()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds =
                Math.max(1, TimeUnit.NANOSECONDS.toSeconds(take.retryAfter().toNanos() + 999_999_999L));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        ProblemResponses.write(
                request,
                response,
                HttpStatus.TOO_MANY_REQUESTS,
                "rate-limited",
                "Too many requests",
                "This credential sent more than " + limits.capacity() + " requests at once or more than "
                        + limits.perSecond() + " per second; retry after " + seconds + " s.",
                Map.of());
    }
}
