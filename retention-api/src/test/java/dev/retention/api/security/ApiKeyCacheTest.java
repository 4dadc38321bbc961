package dev.retention.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.domain.security.ApiKey;
import dev.retention.domain.security.ApiKeySecrets;
import dev.retention.domain.security.ApiKeys;
import dev.retention.domain.security.AuthenticateApiKey;
import dev.retention.domain.security.Scope;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ApiKeyCacheTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final String SECRET = "rtn_cache-test-key-0123456789abcdefghijklmnopqrstu";

    private final StoredKeys stored = new StoredKeys();
    private final AtomicLong nanos = new AtomicLong();
    /** Refreshes run in the calling thread, so that the test sees when they happen. */
    private final ApiKeyCache cache = new ApiKeyCache(
            new AuthenticateApiKey(stored, Clock.fixed(NOW, ZoneOffset.UTC)),
            Clock.fixed(NOW, ZoneOffset.UTC),
            nanos::get,
            Runnable::run);

    @Test
    void aKeyIsReadOnceForAllItsRequestsWhileItsEntryIsFresh() {
        stored.put(key(null));

        for (int i = 0; i < 100; i++) {
            assertThat(cache.authenticate(SECRET)).isPresent();
        }

        assertThat(stored.reads).hasValue(1);
    }

    @Test
    void aKeyInUseIsReadAgainInTheBackgroundAndTheRequestMeanwhileIsServed() {
        stored.put(key(null));
        cache.authenticate(SECRET);
        stored.put(key(NOW.minusSeconds(1)));
        move(ApiKeyCache.REFRESH.plusMillis(1));

        // Served from the entry it had while the key is read again; the next request knows the revocation.
        assertThat(cache.authenticate(SECRET)).isPresent();
        assertThat(stored.reads).hasValue(2);
        assertThat(cache.authenticate(SECRET)).isEmpty();
    }

    @Test
    void anEntryNotRefreshedIsNeverServedOlderThanTheTimeToLive() {
        stored.put(key(null));
        cache.authenticate(SECRET);
        stored.put(key(NOW.minusSeconds(1)));
        move(ApiKeyCache.TTL.plusMillis(1));

        assertThat(cache.authenticate(SECRET)).isEmpty();
    }

    @Test
    void unknownSecretsAreReadEveryTimeAndOthersAreNotReadAtAll() {
        assertThat(cache.authenticate(SECRET)).isEmpty();
        assertThat(cache.authenticate(SECRET)).isEmpty();
        assertThat(cache.authenticate("Basic dXNlcjpwYXNz")).isEmpty();

        assertThat(stored.reads).hasValue(2);
    }

    @Test
    void forgettingDropsEveryEntryAtOnce() {
        stored.put(key(null));
        cache.authenticate(SECRET);
        stored.put(key(NOW.minusSeconds(1)));

        cache.forgetAll();

        assertThat(cache.authenticate(SECRET)).isEmpty();
    }

    private void move(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    private static ApiKey key(Instant revokedAt) {
        return new ApiKey(
                UUID.fromString("6f1d1b3e-7a0c-4d8e-9b2a-3c4d5e6f7a8b"),
                "dashboard",
                ApiKeySecrets.shownPrefix(SECRET),
                ApiKeySecrets.hash(SECRET),
                Set.of(Scope.METRICS_READ),
                NOW.minusSeconds(3600),
                "admin",
                NOW,
                null,
                revokedAt);
    }

    /** Keys by hash, counting the reads. */
    private static final class StoredKeys implements ApiKeys {

        private final Map<String, ApiKey> byHash = new HashMap<>();
        private final AtomicInteger reads = new AtomicInteger();

        void put(ApiKey key) {
            byHash.put(key.hash(), key);
        }

        @Override
        public Optional<ApiKey> findByHash(String hash) {
            reads.incrementAndGet();
            return Optional.ofNullable(byHash.get(hash));
        }

        @Override
        public void add(ApiKey key) {
            put(key);
        }

        @Override
        public Optional<ApiKey> findById(UUID id) {
            return byHash.values().stream().filter(k -> k.id().equals(id)).findFirst();
        }

        @Override
        public Page<ApiKey> list(PageRequest page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<ApiKey> revoke(UUID id, Instant when) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void recordUse(UUID id, Instant when) {}
    }
}
