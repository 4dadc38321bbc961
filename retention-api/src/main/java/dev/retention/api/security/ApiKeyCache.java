package dev.retention.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.retention.domain.security.ApiKey;
import dev.retention.domain.security.ApiKeySecrets;
import dev.retention.domain.security.AuthenticateApiKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Remembers authenticated keys for a few seconds, so that a dashboard polling many times a second does not cost a
 * database read per request. Keys are held by hash; expiry is checked on every use, revocation through this
 * instance forgets them at once, and revocation through another instance takes effect within {@link #TTL}.
 */
@Component
public class ApiKeyCache {

    static final Duration TTL = Duration.ofSeconds(10);

    private final AuthenticateApiKey authenticateApiKey;
    private final Clock clock;
    private final Cache<String, ApiKey> keys =
            Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(TTL).build();

    ApiKeyCache(AuthenticateApiKey authenticateApiKey, Clock clock) {
        this.authenticateApiKey = authenticateApiKey;
        this.clock = clock;
    }

    Optional<ApiKey> authenticate(String secret) {
        String hash = ApiKeySecrets.hash(secret);
        ApiKey known = keys.getIfPresent(hash);
        if (known != null) {
            if (known.isUsableAt(clock.instant())) {
                return Optional.of(known);
            }
            keys.invalidate(hash);
            return Optional.empty();
        }
        Optional<ApiKey> key = authenticateApiKey.authenticate(secret);
        key.ifPresent(found -> keys.put(hash, found));
        return key;
    }

    /** Called when a key is revoked, so that it stops working at once. */
    public void forgetAll() {
        keys.invalidateAll();
    }
}
