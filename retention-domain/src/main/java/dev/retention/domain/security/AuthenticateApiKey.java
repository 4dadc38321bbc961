package dev.retention.domain.security;

import dev.retention.domain.shared.Instants;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Finds the usable key for a presented secret. The last-use time is written at most once a minute per key, so that
 * authentication does not turn every read into a write.
 */
public class AuthenticateApiKey {

    static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);

    private final ApiKeys keys;
    private final Clock clock;

    public AuthenticateApiKey(ApiKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    public Optional<ApiKey> authenticate(String secret) {
        if (!ApiKeySecrets.looksLikeKey(secret)) {
            return Optional.empty();
        }
        return authenticateHashed(ApiKeySecrets.hash(secret));
    }

    /** Like {@link #authenticate}, for a secret already hashed by {@link ApiKeySecrets#hash}. */
    public Optional<ApiKey> authenticateHashed(String hash) {
        Instant now = Instants.now(clock);
        Optional<ApiKey> key = keys.findByHash(hash).filter(k -> k.isUsableAt(now));
        key.filter(k -> k.lastUsedAt() == null
                        || k.lastUsedAt().plus(LAST_USE_RESOLUTION).isBefore(now))
                .ifPresent(k -> keys.recordUse(k.id(), now));
        return key;
    }
}
