package dev.retention.persistence.product;

import static dev.retention.persistence.shared.SqlTimes.utc;

import dev.retention.domain.product.Product;
import dev.retention.domain.product.ProductDraft;
import dev.retention.domain.product.ProductQuery;
import dev.retention.domain.product.Products;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import dev.retention.persistence.shared.SqlArrays;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The catalogue in one table, filled by upserts and by a trigger on events. */
@Repository
class ProductPersistenceAdapter implements Products {

    private static final RowMapper<Product> PRODUCT = ProductPersistenceAdapter::product;

    private static final String MATCHING = " from product where (?::boolean is null or active = ?::boolean)"
            + " and (?::text is null or category = ?::text)";

    private final JdbcTemplate jdbc;

    ProductPersistenceAdapter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Product> find(String id) {
        return jdbc.query("select * from product where id = ?", PRODUCT, id).stream()
                .findFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Product> search(ProductQuery query, PageRequest page) {
        Object[] filters = {query.active(), query.active(), query.category(), query.category()};
        Long total = jdbc.queryForObject("select count(*)" + MATCHING, Long.class, filters);
        List<Product> items = jdbc.query(
                "select *" + MATCHING + " order by id limit ? offset ?",
                PRODUCT,
                query.active(),
                query.active(),
                query.category(),
                query.category(),
                page.size(),
                page.offset());
        return new Page<>(items, page.page(), page.size(), total == null ? 0 : total);
    }

    @Override
    @Transactional
    public boolean put(String id, ProductDraft draft, Instant now) {
        Boolean inserted = jdbc.queryForObject(
                """
                insert into product (id, name, category, active, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (id) do update
                set name = excluded.name, category = excluded.category, active = excluded.active,
                    updated_at = excluded.updated_at
                returning xmax = 0
                """, Boolean.class, id, draft.name(), draft.category(), draft.isActive(), utc(now), utc(now));
        return Boolean.TRUE.equals(inserted);
    }

    @Override
    @Transactional
    public void nameUnnamed(Map<String, String> names) {
        if (names.isEmpty()) {
            return;
        }
        List<Map.Entry<String, String>> rows = List.copyOf(names.entrySet());
        jdbc.execute((Connection connection) -> {
            try (var statement = connection.prepareStatement("""
                    update product p set name = n.name, updated_at = now()
                    from unnest(?::text[], ?::text[]) as n(id, name)
                    where p.id = n.id and p.name is null
                    """)) {
                statement.setArray(1, SqlArrays.textArray(connection, rows, Map.Entry::getKey));
                statement.setArray(
                        2,
                        SqlArrays.textArray(
                                connection,
                                rows,
                                row -> row.getValue().length() > ProductDraft.MAX_NAME_LENGTH
                                        ? row.getValue().substring(0, ProductDraft.MAX_NAME_LENGTH)
                                        : row.getValue()));
                return statement.executeUpdate();
            }
        });
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, String> namesOf(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<String> list = List.copyOf(ids);
        return jdbc.execute((Connection connection) -> {
            try (var statement = connection.prepareStatement(
                    "select id, name from product where name is not null and id = any (?::text[])")) {
                statement.setArray(1, SqlArrays.textArray(connection, list, id -> id));
                Map<String, String> names = new HashMap<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        names.put(rows.getString(1), rows.getString(2));
                    }
                }
                return names;
            }
        });
    }

    @Override
    @Transactional(readOnly = true)
    public Set<String> inactiveAmong(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        List<String> list = List.copyOf(ids);
        return jdbc.execute((Connection connection) -> {
            try (var statement =
                    connection.prepareStatement("select id from product where not active and id = any (?::text[])")) {
                statement.setArray(1, SqlArrays.textArray(connection, list, id -> id));
                Set<String> inactive = new HashSet<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        inactive.add(rows.getString(1));
                    }
                }
                return inactive;
            }
        });
    }

    private static Product product(ResultSet row, int rowNumber) throws SQLException {
        return new Product(
                row.getString("id"),
                row.getString("name"),
                row.getString("category"),
                row.getBoolean("active"),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                row.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
