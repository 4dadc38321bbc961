package dev.retention.persistence.recommendation;

import dev.retention.domain.recommendation.CoPurchaseModel;
import dev.retention.domain.recommendation.ProductStats;
import dev.retention.domain.recommendation.SimilarProduct;
import dev.retention.persistence.shared.SqlArrays;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * A build's model in three tables: the similar products of each product (by rank), each product's purchase
 * statistics, and the best sellers overall (segment '') and per segment (by rank).
 */
final class ModelTables {

    static final String ALL_SEGMENTS = "";
    private static final int ROWS_PER_INSERT = 10_000;

    private ModelTables() {}

    /** One column of a chunk of rows, as the text array an unnest(...) reads. */
    private record Column<T>(Function<T, ?> value) {}

    static void insert(Connection connection, UUID build, CoPurchaseModel model) throws SQLException {
        record Similar(String product, int rank, SimilarProduct similar) {}
        List<Similar> similar = new ArrayList<>();
        model.similar().forEach((product, list) -> {
            for (int i = 0; i < list.size(); i++) {
                similar.add(new Similar(product, i + 1, list.get(i)));
            }
        });
        insert(
                connection,
                build,
                """
                insert into product_similarity (build_id, product_id, rank, similar_id, score, co_buyers)
                select ?, product_id, rank::integer, similar_id, score::double precision, co_buyers::integer
                from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                     as s(product_id, rank, similar_id, score, co_buyers)
                """,
                similar,
                List.of(
                        new Column<>(Similar::product),
                        new Column<>(Similar::rank),
                        new Column<>(row -> row.similar().productId()),
                        new Column<>(row -> row.similar().score()),
                        new Column<>(row -> row.similar().coBuyers())));
        insert(
                connection,
                build,
                """
                insert into product_purchase_stats (build_id, product_id, buyers, repeat_buyers, repeat_item)
                select ?, product_id, buyers::integer, repeat_buyers::integer, repeat_item::boolean
                from unnest(?::text[], ?::text[], ?::text[], ?::text[])
                     as s(product_id, buyers, repeat_buyers, repeat_item)
                """,
                List.copyOf(model.stats().values()),
                List.of(
                        new Column<>(ProductStats::productId),
                        new Column<>(ProductStats::buyers),
                        new Column<>(ProductStats::repeatBuyers),
                        new Column<>(ProductStats::repeatItem)));
        record Popular(String segment, int rank, String product) {}
        List<Popular> popular = new ArrayList<>();
        Map<String, List<String>> bySegment = new HashMap<>(model.popularBySegment());
        bySegment.put(ALL_SEGMENTS, model.popular());
        bySegment.forEach((segment, products) -> {
            for (int i = 0; i < products.size(); i++) {
                popular.add(new Popular(segment, i + 1, products.get(i)));
            }
        });
        insert(
                connection,
                build,
                """
                insert into product_popularity (build_id, segment, rank, product_id)
                select ?, segment, rank::integer, product_id
                from unnest(?::text[], ?::text[], ?::text[]) as p(segment, rank, product_id)
                """,
                popular,
                List.of(new Column<>(Popular::segment), new Column<>(Popular::rank), new Column<>(Popular::product)));
    }

    /** Inserts the rows a chunk at a time, each column bound as one text array after the build's id. */
    private static <T> void insert(Connection connection, UUID build, String sql, List<T> rows, List<Column<T>> columns)
            throws SQLException {
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<T> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setObject(1, build);
                for (int c = 0; c < columns.size(); c++) {
                    statement.setArray(
                            c + 2,
                            SqlArrays.textArray(
                                    connection, chunk, columns.get(c).value()));
                }
                statement.executeUpdate();
            }
        }
    }

    /**
     * Reads a build's model: the whole of it when {@code products} is null; else the similar products and statistics
     * of those products, with the best sellers overall and of the segment (none when it is null).
     */
    static CoPurchaseModel read(Connection connection, UUID build, Collection<String> products, String segment)
            throws SQLException {
        boolean allProducts = products == null;
        List<String> ids = allProducts ? List.of() : List.copyOf(products);
        Map<String, List<SimilarProduct>> similar = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "select product_id, similar_id, score, co_buyers from product_similarity where build_id = ? "
                        + "and (?::boolean or product_id = any (?::text[])) order by product_id, rank")) {
            bind(connection, statement, build, allProducts, ids);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    similar.computeIfAbsent(rows.getString(1), product -> new ArrayList<>())
                            .add(new SimilarProduct(rows.getString(2), rows.getDouble(3), rows.getInt(4)));
                }
            }
        }
        Map<String, ProductStats> stats = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "select product_id, buyers, repeat_buyers, repeat_item from product_purchase_stats where build_id = ? "
                        + "and (?::boolean or product_id = any (?::text[]))")) {
            bind(connection, statement, build, allProducts, ids);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    stats.put(
                            rows.getString(1),
                            new ProductStats(rows.getString(1), rows.getInt(2), rows.getInt(3), rows.getBoolean(4)));
                }
            }
        }
        Map<String, List<String>> popular = new HashMap<>();
        try (PreparedStatement statement =
                connection.prepareStatement("select segment, product_id from product_popularity where build_id = ? "
                        + "and (?::boolean or segment in (?, ?)) order by segment, rank")) {
            statement.setObject(1, build);
            statement.setBoolean(2, allProducts);
            statement.setString(3, ALL_SEGMENTS);
            statement.setString(4, segment == null ? ALL_SEGMENTS : segment);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    popular.computeIfAbsent(rows.getString(1), key -> new ArrayList<>())
                            .add(rows.getString(2));
                }
            }
        }
        List<String> overall = popular.getOrDefault(ALL_SEGMENTS, List.of());
        popular.remove(ALL_SEGMENTS);
        return new CoPurchaseModel(similar, stats, overall, popular);
    }

    private static void bind(
            Connection connection, PreparedStatement statement, UUID build, boolean all, List<String> ids)
            throws SQLException {
        statement.setObject(1, build);
        statement.setBoolean(2, all);
        statement.setArray(3, SqlArrays.textArray(connection, ids, id -> id));
    }
}
