package dev.retention.domain.security;

import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;

/** Pages through the audit log, newest first. */
public class ReadAuditLog {

    private final AuditLog audit;

    public ReadAuditLog(AuditLog audit) {
        this.audit = audit;
    }

    public Page<AuditEntry> entries(PageRequest page) {
        return audit.list(page);
    }
}
