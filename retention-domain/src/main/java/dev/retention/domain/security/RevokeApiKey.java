package dev.retention.domain.security;

import dev.retention.domain.shared.Instants;
import dev.retention.domain.shared.ResourceNotFoundException;
import dev.retention.domain.shared.UnitOfWork;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Revokes a key for good; revoking it again changes nothing. */
public class RevokeApiKey {

    private final ApiKeys keys;
    private final AuditLog audit;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public RevokeApiKey(ApiKeys keys, AuditLog audit, UnitOfWork unitOfWork, Clock clock) {
        this.keys = keys;
        this.audit = audit;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    public ApiKey revoke(UUID id, Actor actor) {
        Instant now = Instants.now(clock);
        return unitOfWork.inTransaction(() -> {
            ApiKey before = keys.findById(id).orElseThrow(() -> new ResourceNotFoundException("API key", id));
            if (before.isRevoked()) {
                return before;
            }
            ApiKey revoked = keys.revoke(id, now).orElseThrow();
            audit.record(new AuditEntry(
                    now, actor.describe(), "api-key.revoked", "api-key:" + id, Map.of("name", before.name())));
            return revoked;
        });
    }
}
