package dev.retention.domain.security;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A stored API key. The key itself is never stored: only its SHA-256 hash and its first characters
 * ({@code prefix}), which let people tell keys apart.
 */
public record ApiKey(
        UUID id,
        String name,
        String prefix,
        String hash,
        Set<Scope> scopes,
        Instant createdAt,
        String createdBy,
        Instant lastUsedAt,
        Instant expiresAt,
        Instant revokedAt) {

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(hash, "hash");
        scopes = scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public boolean isUsableAt(Instant now) {
        return !isRevoked() && !isExpiredAt(now);
    }
}
