package dev.retention.persistence.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.domain.security.ApiKey;
import dev.retention.domain.security.ApiKeys;
import dev.retention.domain.security.AuditEntry;
import dev.retention.domain.security.AuditLog;
import dev.retention.domain.security.Scope;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import dev.retention.persistence.support.AdapterTest;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** Keys stored by hash with their scopes, revoked once, listed newest first; audit entries kept with details. */
@SpringJUnitConfig({AdapterTest.Infrastructure.class, ApiKeyPersistenceAdapter.class, AuditLogPersistenceAdapter.class})
class ApiKeyPersistenceAdapterTest extends AdapterTest {

    @Autowired
    private ApiKeys keys;

    @Autowired
    private AuditLog audit;

    /** A SHA-256 in hex, as the service stores it: 64 characters. */
    private static String sha256(String eightHexDigits) {
        return eightHexDigits.repeat(8);
    }

    private static ApiKey key(String name, String hash, String createdAt) {
        return new ApiKey(
                UUID.randomUUID(),
                name,
                "rk_" + hash.substring(0, 4),
                sha256(hash),
                EnumSet.of(Scope.METRICS_READ, Scope.EVENTS_WRITE),
                Instant.parse(createdAt),
                "api-key:admin",
                null,
                Instant.parse("2027-01-01T00:00:00Z"),
                null);
    }

    @Test
    void aKeyIsFoundByItsHashWithItsScopesAndExpiry() {
        ApiKey stored = key("dashboard", "a1b2c3d4", "2026-11-01T00:00:00Z");
        keys.add(stored);

        assertThat(keys.findByHash(sha256("a1b2c3d4"))).contains(stored);
        assertThat(keys.findByHash(sha256("ffffffff"))).isEmpty();
    }

    @Test
    void revokingKeepsTheFirstRevocationTimeAndUseIsRecorded() {
        ApiKey stored = key("dashboard", "a1b2c3d4", "2026-11-01T00:00:00Z");
        keys.add(stored);
        Instant first = Instant.parse("2026-11-10T08:00:00Z");

        keys.recordUse(stored.id(), Instant.parse("2026-11-09T08:00:00Z"));
        assertThat(keys.revoke(stored.id(), first)).map(ApiKey::revokedAt).contains(first);
        assertThat(keys.revoke(stored.id(), first.plusSeconds(3600)))
                .map(ApiKey::revokedAt)
                .contains(first);
        assertThat(keys.findById(stored.id()).orElseThrow().lastUsedAt())
                .isEqualTo(Instant.parse("2026-11-09T08:00:00Z"));
        assertThat(keys.revoke(UUID.randomUUID(), first)).isEmpty();
    }

    @Test
    void keysAndAuditEntriesAreListedNewestFirst() {
        keys.add(key("older", "11111111", "2026-10-01T00:00:00Z"));
        keys.add(key("newer", "22222222", "2026-11-01T00:00:00Z"));
        audit.record(new AuditEntry(
                Instant.parse("2026-11-01T00:00:00Z"), "admin", "api-key.issued", "api-key:1", Map.of()));
        audit.record(new AuditEntry(
                Instant.parse("2026-11-02T00:00:00Z"),
                "admin",
                "customer.erased",
                "customer:2",
                Map.of("events", "12")));

        Page<ApiKey> listed = keys.list(new PageRequest(0, 10));
        Page<AuditEntry> entries = audit.list(new PageRequest(0, 1));

        assertThat(listed.items()).extracting(ApiKey::name).containsExactly("newer", "older");
        assertThat(entries.totalItems()).isEqualTo(2);
        assertThat(entries.items()).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("customer.erased");
            assertThat(entry.details()).containsEntry("events", "12");
        });
    }
}
