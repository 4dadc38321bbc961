package dev.retention.persistence.security;

import static dev.retention.persistence.shared.SqlTimes.instant;
import static dev.retention.persistence.shared.SqlTimes.utc;

import dev.retention.domain.security.ApiKey;
import dev.retention.domain.security.ApiKeys;
import dev.retention.domain.security.Scope;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class ApiKeyPersistenceAdapter implements ApiKeys {

    private static final String COLUMNS =
            "id, name, prefix, key_hash, scopes, created_at, created_by, last_used_at, expires_at, revoked_at";
    private static final RowMapper<ApiKey> ROW = ApiKeyPersistenceAdapter::toKey;

    private final JdbcTemplate jdbc;

    ApiKeyPersistenceAdapter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void add(ApiKey key) {
        jdbc.update(
                "insert into api_key (" + COLUMNS + ") values (?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?)",
                key.id(),
                key.name(),
                key.prefix(),
                key.hash(),
                scopesLiteral(key.scopes()),
                utc(key.createdAt()),
                key.createdBy(),
                utc(key.lastUsedAt()),
                utc(key.expiresAt()),
                utc(key.revokedAt()));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ApiKey> findById(UUID id) {
        return jdbc.query("select " + COLUMNS + " from api_key where id = ?", ROW, id).stream()
                .findFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ApiKey> findByHash(String hash) {
        return jdbc.query("select " + COLUMNS + " from api_key where key_hash = ?", ROW, hash).stream()
                .findFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public Page<ApiKey> list(PageRequest page) {
        Long total = jdbc.queryForObject("select count(*) from api_key", Long.class);
        List<ApiKey> items = jdbc.query(
                "select " + COLUMNS + " from api_key order by created_at desc, id" + " limit ? offset ?",
                ROW,
                page.size(),
                page.offset());
        return new Page<>(items, page.page(), page.size(), total == null ? 0 : total);
    }

    @Override
    @Transactional
    public Optional<ApiKey> revoke(UUID id, Instant when) {
        jdbc.update("update api_key set revoked_at = ? where id = ? and revoked_at is null", utc(when), id);
        return findById(id);
    }

    @Override
    @Transactional
    public void recordUse(UUID id, Instant when) {
        jdbc.update("update api_key set last_used_at = ? where id = ?", utc(when), id);
    }

    private static String scopesLiteral(Set<Scope> scopes) {
        return scopes.stream().map(Scope::value).sorted().collect(Collectors.joining(",", "{", "}"));
    }

    private static ApiKey toKey(ResultSet row, int rowNumber) throws SQLException {
        String[] scopeValues = (String[]) row.getArray("scopes").getArray();
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        Arrays.stream(scopeValues)
                .map(Scope::fromValue)
                .flatMap(Optional::stream)
                .forEach(scopes::add);
        return new ApiKey(
                row.getObject("id", UUID.class),
                row.getString("name"),
                row.getString("prefix"),
                row.getString("key_hash"),
                scopes,
                instant(row, "created_at"),
                row.getString("created_by"),
                instant(row, "last_used_at"),
                instant(row, "expires_at"),
                instant(row, "revoked_at"));
    }
}
