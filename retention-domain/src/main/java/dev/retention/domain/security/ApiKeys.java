package dev.retention.domain.security;

import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** All API keys, revoked and expired ones included. */
public interface ApiKeys {

    void add(ApiKey key);

    Optional<ApiKey> findById(UUID id);

    Optional<ApiKey> findByHash(String hash);

    /** Newest first. */
    Page<ApiKey> list(PageRequest page);

    /** Marks the key revoked unless it already is; returns the stored key. */
    Optional<ApiKey> revoke(UUID id, Instant when);

    void recordUse(UUID id, Instant when);
}
