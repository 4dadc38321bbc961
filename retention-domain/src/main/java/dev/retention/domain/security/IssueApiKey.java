package dev.retention.domain.security;

import dev.retention.domain.shared.Instants;
import dev.retention.domain.shared.InvalidInputException;
import dev.retention.domain.shared.UnitOfWork;
import dev.retention.domain.shared.Violation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** Issues API keys, and installs the bootstrap admin key given by the operator. Both are audited. */
public class IssueApiKey {

    public static final int MAX_NAME_LENGTH = 100;
    public static final String BOOTSTRAP_NAME = "bootstrap-admin";

    private final ApiKeys keys;
    private final AuditLog audit;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final RandomGenerator secureRandom;

    public IssueApiKey(ApiKeys keys, AuditLog audit, UnitOfWork unitOfWork, Clock clock, RandomGenerator secureRandom) {
        this.keys = keys;
        this.audit = audit;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.secureRandom = secureRandom;
    }

    public IssuedApiKey issue(String name, Set<Scope> scopes, Instant expiresAt, Actor actor) {
        Instant now = Instants.now(clock);
        List<Violation> violations = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            violations.add(new Violation("name", "must be 1 to " + MAX_NAME_LENGTH + " characters"));
        }
        if (scopes == null || scopes.isEmpty()) {
            violations.add(new Violation("scopes", "must name at least one scope"));
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            violations.add(Violation.rule("expiresAt", "must lie in the future"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        String secret = ApiKeySecrets.generate(secureRandom);
        return store(secret, name, scopes, Instants.stored(expiresAt), actor, now);
    }

    /**
     * Makes sure the operator's bootstrap key works: stores it with the admin scope unless a key with its hash is
     * already stored (a revoked one stays revoked). Returns true if it was stored now.
     */
    public boolean installBootstrapKey(String secret) {
        if (keys.findByHash(ApiKeySecrets.hash(secret)).isPresent()) {
            return false;
        }
        store(secret, BOOTSTRAP_NAME, Set.of(Scope.ADMIN), null, Actor.SYSTEM, Instants.now(clock));
        return true;
    }

    /** Generates a bootstrap admin key and stores it; the caller shows the secret once. */
    public IssuedApiKey generateBootstrapKey() {
        return store(
                ApiKeySecrets.generate(secureRandom),
                BOOTSTRAP_NAME,
                Set.of(Scope.ADMIN),
                null,
                Actor.SYSTEM,
                Instants.now(clock));
    }

    private IssuedApiKey store(
            String secret, String name, Set<Scope> scopes, Instant expiresAt, Actor actor, Instant now) {
        ApiKey key = new ApiKey(
                UUID.randomUUID(),
                name,
                ApiKeySecrets.shownPrefix(secret),
                ApiKeySecrets.hash(secret),
                scopes,
                now,
                actor.describe(),
                null,
                expiresAt,
                null);
        return unitOfWork.inTransaction(() -> {
            keys.add(key);
            audit.record(new AuditEntry(
                    now,
                    actor.describe(),
                    "api-key.created",
                    "api-key:" + key.id(),
                    Map.of("name", name, "scopes", scopes.toString())));
            return new IssuedApiKey(key, secret);
        });
    }
}
