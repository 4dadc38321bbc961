package dev.retention.api.security;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.retention.domain.security.ApiKey;
import dev.retention.domain.security.ApiKeySecrets;
import dev.retention.domain.security.AuthenticateApiKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Remembers authenticated keys for a few seconds, so that a dashboard polling many times a second does not cost a
 * database read per request. Keys are held by hash; expiry is checked on every use, revocation through this
 * instance forgets them at once, and revocation through another instance (announced by the database at once, and
 * failing that) takes effect within {@link #TTL}.
 *
 * <p>A key in use is read again in the background once its entry is {@link #REFRESH} old, while the requests that
 * arrive meanwhile go on with the entry they have. Without that, every poller of a busy dashboard found the entry
 * gone at the same moment, each one read the key from the database, and those requests made the slowest percent.
 * Concurrent first reads of one key are also made once.
 */
@Component
public class ApiKeyCache {

    static final Duration TTL = Duration.ofSeconds(10);
    static final Duration REFRESH = TTL.dividedBy(2);

    private final Clock clock;
    private final LoadingCache<String, ApiKey> keys;

    @Autowired
    ApiKeyCache(AuthenticateApiKey authenticateApiKey, Clock clock) {
        this(authenticateApiKey, clock, Ticker.systemTicker(), ForkJoinPool.commonPool());
    }

    ApiKeyCache(AuthenticateApiKey authenticateApiKey, Clock clock, Ticker ticker, Executor refresher) {
        this.clock = clock;
        this.keys = Caffeine.newBuilder()
                .ticker(ticker)
                .executor(refresher)
                .maximumSize(10_000)
                .refreshAfterWrite(REFRESH)
                .expireAfterWrite(TTL)
                .build(hash -> authenticateApiKey.authenticateHashed(hash).orElse(null));
    }

    Optional<ApiKey> authenticate(String secret) {
        if (!ApiKeySecrets.looksLikeKey(secret)) {
            return Optional.empty();
        }
        String hash = ApiKeySecrets.hash(secret);
        ApiKey known = keys.get(hash);
        if (known != null && !known.isUsableAt(clock.instant())) {
            keys.invalidate(hash);
            return Optional.empty();
        }
        return Optional.ofNullable(known);
    }

    /** Called when a key is revoked, so that it stops working at once. */
    public void forgetAll() {
        keys.invalidateAll();
    }
}
