package dev.retention.persistence.security;

import static dev.retention.persistence.shared.SqlTimes.utc;

import dev.retention.domain.security.AuditEntry;
import dev.retention.domain.security.AuditLog;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import dev.retention.persistence.shared.JsonColumns;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class AuditLogPersistenceAdapter implements AuditLog {

    private final JdbcTemplate jdbc;

    AuditLogPersistenceAdapter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void record(AuditEntry entry) {
        jdbc.update(
                "insert into audit_entry (occurred_at, actor, action, target, details)"
                        + " values (?, ?, ?, ?, ?::jsonb)",
                utc(entry.occurredAt()),
                entry.actor(),
                entry.action(),
                entry.target(),
                JsonColumns.write(entry.details()));
    }

    @Override
    @Transactional(readOnly = true)
    public Page<AuditEntry> list(PageRequest page) {
        Long total = jdbc.queryForObject("select count(*) from audit_entry", Long.class);
        List<AuditEntry> items = jdbc.query(
                """
                select occurred_at, actor, action, target, details::text as details
                from audit_entry order by occurred_at desc, id desc limit ? offset ?""",
                (row, n) -> new AuditEntry(
                        row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        row.getString("actor"),
                        row.getString("action"),
                        row.getString("target"),
                        JsonColumns.readStrings(row.getString("details"))),
                page.size(),
                page.offset());
        return new Page<>(items, page.page(), page.size(), total == null ? 0 : total);
    }
}
