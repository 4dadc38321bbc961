package dev.retention.domain.security;

import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;

/** The append-only record of administrative actions. */
public interface AuditLog {

    void record(AuditEntry entry);

    /** Newest first. */
    Page<AuditEntry> list(PageRequest page);
}
