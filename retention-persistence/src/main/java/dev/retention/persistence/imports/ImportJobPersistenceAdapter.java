package dev.retention.persistence.imports;

import static dev.retention.persistence.shared.SqlTimes.utc;

import dev.retention.domain.event.EventType;
import dev.retention.domain.imports.ImportField;
import dev.retention.domain.imports.ImportJob;
import dev.retention.domain.imports.ImportJobs;
import dev.retention.domain.imports.ImportKind;
import dev.retention.domain.imports.ImportMapping;
import dev.retention.domain.imports.ImportProgress;
import dev.retention.domain.imports.ImportStatus;
import dev.retention.domain.imports.RefusedRow;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import dev.retention.persistence.shared.JsonColumns;
import dev.retention.persistence.shared.SqlPages;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Imports in one table, their refused rows in another; the mapping as a JSON object. */
@Repository
class ImportJobPersistenceAdapter implements ImportJobs {

    private static final RowMapper<ImportJob> JOB = ImportJobPersistenceAdapter::job;

    private final JdbcTemplate jdbc;

    ImportJobPersistenceAdapter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void add(ImportJob job) {
        jdbc.update(
                "insert into import_job (id, mapping, status, created_at, updated_at) values (?, ?::jsonb, ?, ?, ?)",
                job.id(),
                JsonColumns.write(mappingJson(job.mapping())),
                job.status().name(),
                utc(job.createdAt()),
                utc(job.updatedAt()));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ImportJob> find(UUID id) {
        return jdbc.query("select * from import_job where id = ?", JOB, id).stream()
                .findFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public Page<ImportJob> list(PageRequest page) {
        return SqlPages.of(jdbc, "import_job", "created_at desc, id", JOB, page);
    }

    @Override
    @Transactional
    public boolean queue(UUID id, long fileBytes, Instant at) {
        return jdbc.update(
                        "update import_job set status = 'QUEUED', file_bytes = ?, updated_at = ? "
                                + "where id = ? and status = 'AWAITING_FILE'",
                        fileBytes,
                        utc(at),
                        id)
                > 0;
    }

    @Override
    @Transactional
    public boolean start(UUID id, Instant at) {
        return jdbc.update(
                        "update import_job set status = 'RUNNING', started_at = ?, updated_at = ? "
                                + "where id = ? and status = 'QUEUED'",
                        utc(at),
                        utc(at),
                        id)
                > 0;
    }

    @Override
    @Transactional
    public void progress(UUID id, ImportProgress progress, List<RefusedRow> refused, Instant at) {
        jdbc.update(
                "update import_job set rows_read = ?, stored = ?, duplicates = ?, refused = ?, bytes_read = ?, "
                        + "updated_at = ? where id = ?",
                progress.rowsRead(),
                progress.stored(),
                progress.duplicates(),
                progress.refused(),
                progress.bytesRead(),
                utc(at),
                id);
        jdbc.batchUpdate(
                "insert into import_refusal (import_id, line, text, reason) values (?, ?, ?, ?) "
                        + "on conflict do nothing",
                refused,
                1_000,
                (statement, row) -> {
                    statement.setObject(1, id);
                    statement.setLong(2, row.line());
                    statement.setString(3, row.text().replace("\u0000", ""));
                    statement.setString(4, row.reason());
                });
    }

    @Override
    @Transactional
    public void finish(UUID id, ImportStatus status, String error, Instant at) {
        jdbc.update(
                "update import_job set status = ?, error = ?, finished_at = ?, updated_at = ? where id = ?",
                status.name(),
                error,
                utc(at),
                utc(at),
                id);
    }

    @Override
    @Transactional(readOnly = true)
    public void refusals(UUID id, Consumer<RefusedRow> each) {
        jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement(
                            "select line, text, reason from import_refusal where import_id = ? order by line");
                    statement.setObject(1, id);
                    statement.setFetchSize(1_000);
                    return statement;
                },
                row -> {
                    each.accept(new RefusedRow(row.getLong("line"), row.getString("text"), row.getString("reason")));
                });
    }

    private static Map<String, Object> mappingJson(ImportMapping mapping) {
        Map<String, Object> columns = new LinkedHashMap<>();
        mapping.columns().forEach((field, column) -> columns.put(field.value(), column));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("columns", columns);
        json.put("type", mapping.type() == null ? null : mapping.type().name());
        json.put("currency", mapping.currency());
        json.put("zone", mapping.zone().getId());
        json.put("timestampPattern", mapping.timestampPattern());
        json.put("createCustomers", mapping.createCustomers());
        json.put("delimiter", String.valueOf(mapping.delimiter()));
        json.put(
                "excludedProducts", mapping.excludedProducts().stream().sorted().toList());
        json.put("kind", mapping.kind().name());
        return json;
    }

    @SuppressWarnings("unchecked")
    private static ImportMapping mapping(String text) {
        Map<String, Object> json = JsonColumns.readObject(text);
        Map<ImportField, String> columns = new EnumMap<>(ImportField.class);
        ((Map<String, Object>) json.get("columns"))
                .forEach((field, column) ->
                        ImportField.fromValue(field).ifPresent(known -> columns.put(known, (String) column)));
        return new ImportMapping(
                columns,
                json.get("type") == null ? null : EventType.valueOf((String) json.get("type")),
                (String) json.get("currency"),
                ZoneId.of((String) json.get("zone")),
                (String) json.get("timestampPattern"),
                Boolean.TRUE.equals(json.get("createCustomers")),
                ((String) json.get("delimiter")).charAt(0),
                json.get("excludedProducts") == null
                        ? Set.of()
                        : Set.copyOf((List<String>) json.get("excludedProducts")),
                json.get("kind") == null ? ImportKind.EVENTS : ImportKind.valueOf((String) json.get("kind")));
    }

    private static ImportJob job(ResultSet row, int index) throws SQLException {
        return new ImportJob(
                row.getObject("id", UUID.class),
                mapping(row.getString("mapping")),
                ImportStatus.valueOf(row.getString("status")),
                row.getLong("file_bytes"),
                new ImportProgress(
                        row.getLong("rows_read"),
                        row.getLong("stored"),
                        row.getLong("duplicates"),
                        row.getLong("refused"),
                        row.getLong("bytes_read")),
                instant(row, "created_at"),
                instant(row, "started_at"),
                instant(row, "updated_at"),
                instant(row, "finished_at"),
                row.getString("error"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
