package dev.retention.domain.security;

import java.time.Instant;
import java.util.Map;

/** One administrative action: who did what to which resource, and when. */
public record AuditEntry(Instant occurredAt, String actor, String action, String target, Map<String, String> details) {

    public AuditEntry {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
