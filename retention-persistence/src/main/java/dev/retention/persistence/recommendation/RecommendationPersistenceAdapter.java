package dev.retention.persistence.recommendation;

import static dev.retention.persistence.shared.SqlTimes.utc;

import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.recommendation.Basket;
import dev.retention.domain.recommendation.BuildStatus;
import dev.retention.domain.recommendation.CoPurchaseModel;
import dev.retention.domain.recommendation.OfflineEvaluation;
import dev.retention.domain.recommendation.ProductStats;
import dev.retention.domain.recommendation.PurchaseHistory;
import dev.retention.domain.recommendation.RankingQuality;
import dev.retention.domain.recommendation.RecommendationBuild;
import dev.retention.domain.recommendation.RecommendationSettings;
import dev.retention.domain.recommendation.RecommendationStore;
import dev.retention.domain.recommendation.SimilarProduct;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import dev.retention.persistence.shared.JsonColumns;
import dev.retention.persistence.shared.SqlArrays;
import dev.retention.persistence.shared.SqlPages;
import dev.retention.persistence.shared.SqlTimes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds in one table; each build's similar pairs, purchase statistics and best sellers in three more. Only the
 * two latest successful builds keep their model, so that a request reading the one that was latest a moment ago
 * still finds it.
 */
@Repository
class RecommendationPersistenceAdapter implements RecommendationStore {

    private static final RowMapper<RecommendationBuild> BUILD = RecommendationPersistenceAdapter::build;
    private static final int ROWS_PER_INSERT = 10_000;
    private static final String ALL_SEGMENTS = "";

    /** Each purchase's products: its lines, or the one product it names. */
    private static final String PURCHASED_PRODUCTS = """
            select e.customer_id, e.id as event_id, e.occurred_at, coalesce(l.product_id, e.product_id) as product_id
            from customer_event e
            left join customer_event_line l on l.event_id = e.id
            where e.type = 'PURCHASE' and coalesce(l.product_id, e.product_id) is not null
            """;

    private final JdbcTemplate jdbc;

    RecommendationPersistenceAdapter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void add(RecommendationBuild build) {
        jdbc.update(
                "insert into recommendation_build (id, status, settings, evaluate, created_at) values (?, ?, ?::jsonb, ?, ?)",
                build.id(),
                build.status().name(),
                JsonColumns.write(settingsJson(build.settings())),
                build.evaluate(),
                utc(build.createdAt()));
    }

    @Override
    @Transactional
    public boolean start(UUID id, Instant at) {
        return jdbc.update(
                        "update recommendation_build set status = 'RUNNING', started_at = ? where id = ? and status = 'QUEUED'",
                        utc(at),
                        id)
                > 0;
    }

    @Override
    @Transactional
    public void succeed(
            UUID id,
            CoPurchaseModel model,
            RecommendationBuild.Counts counts,
            OfflineEvaluation.Result evaluation,
            Instant at) {
        jdbc.execute((Connection connection) -> {
            insertSimilar(connection, id, model.similar());
            insertStats(connection, id, model.stats().values());
            insertPopular(connection, id, model);
            return null;
        });
        jdbc.update(
                """
                update recommendation_build
                set status = 'SUCCEEDED', finished_at = ?, customers = ?, orders = ?, products = ?, pairs = ?,
                    evaluation = ?::jsonb
                where id = ?
                """,
                utc(at),
                counts.customers(),
                counts.orders(),
                counts.products(),
                counts.pairs(),
                evaluation == null ? null : JsonColumns.write(evaluationJson(evaluation)),
                id);
        String older = """
                build_id in (select id from recommendation_build where status = 'SUCCEEDED'
                             order by finished_at desc, id offset 2)
                """;
        jdbc.update("delete from product_similarity where " + older);
        jdbc.update("delete from product_purchase_stats where " + older);
        jdbc.update("delete from product_popularity where " + older);
    }

    @Override
    @Transactional
    public void fail(UUID id, String error, Instant at) {
        jdbc.update(
                "update recommendation_build set status = 'FAILED', error = ?, finished_at = ? where id = ?",
                error == null ? "failed" : error,
                utc(at),
                id);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<RecommendationBuild> find(UUID id) {
        return jdbc.query("select * from recommendation_build where id = ?", BUILD, id).stream()
                .findFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public Page<RecommendationBuild> list(PageRequest page) {
        return SqlPages.of(jdbc, "recommendation_build", "created_at desc, id", BUILD, page);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<RecommendationBuild> latestSucceeded() {
        return jdbc
                .query(
                        "select * from recommendation_build where status = 'SUCCEEDED' "
                                + "order by finished_at desc, id limit 1",
                        BUILD)
                .stream()
                .findFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public List<PurchaseHistory> purchaseHistories() {
        Histories histories = new Histories();
        jdbc.query(
                connection -> {
                    PreparedStatement statement =
                            connection.prepareStatement("select p.*, c.segment from (" + PURCHASED_PRODUCTS + ") p "
                                    + "join customer c on c.id = p.customer_id where c.erased_at is null "
                                    + "order by p.customer_id, p.occurred_at, p.event_id");
                    statement.setFetchSize(ROWS_PER_INSERT);
                    return statement;
                },
                histories::add);
        return histories.finish();
    }

    @Override
    @Transactional(readOnly = true)
    public List<PurchaseHistory> purchaseHistoriesOf(Collection<UUID> customers) {
        if (customers.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = List.copyOf(customers);
        Histories histories = new Histories();
        jdbc.query(
                connection -> {
                    PreparedStatement statement = connection.prepareStatement(
                            "select c.id as customer_id, c.segment, p.event_id, p.occurred_at, p.product_id "
                                    + "from customer c left join (" + PURCHASED_PRODUCTS
                                    + ") p on p.customer_id = c.id "
                                    + "where c.id = any (?::uuid[]) order by c.id, p.occurred_at, p.event_id");
                    statement.setArray(1, SqlArrays.textArray(connection, ids, id -> id));
                    statement.setFetchSize(ROWS_PER_INSERT);
                    return statement;
                },
                histories::add);
        return histories.finish();
    }

    @Override
    @Transactional(readOnly = true)
    public CoPurchaseModel model(UUID build) {
        Map<String, List<SimilarProduct>> similar = new HashMap<>();
        jdbc.query(
                "select product_id, similar_id, score, co_buyers from product_similarity where build_id = ? "
                        + "order by product_id, rank",
                row -> {
                    similar.computeIfAbsent(row.getString(1), product -> new ArrayList<>())
                            .add(new SimilarProduct(row.getString(2), row.getDouble(3), row.getInt(4)));
                },
                build);
        Map<String, ProductStats> stats = new HashMap<>();
        jdbc.query(
                "select product_id, buyers, repeat_buyers, repeat_item from product_purchase_stats where build_id = ?",
                row -> {
                    stats.put(
                            row.getString(1),
                            new ProductStats(row.getString(1), row.getInt(2), row.getInt(3), row.getBoolean(4)));
                },
                build);
        Map<String, List<String>> popular = new HashMap<>();
        jdbc.query(
                "select segment, product_id from product_popularity where build_id = ? order by segment, rank",
                row -> {
                    popular.computeIfAbsent(row.getString(1), key -> new ArrayList<>())
                            .add(row.getString(2));
                },
                build);
        List<String> overall = popular.getOrDefault(ALL_SEGMENTS, List.of());
        popular.remove(ALL_SEGMENTS);
        return new CoPurchaseModel(similar, stats, overall, popular);
    }

    @Override
    @Transactional(readOnly = true)
    public PurchaseHistory purchaseHistory(CustomerId customer, String segment) {
        Histories histories = new Histories();
        jdbc.query(
                "select p.*, ?::text as segment from (" + PURCHASED_PRODUCTS + " and e.customer_id = ?) p "
                        + "order by p.occurred_at, p.event_id",
                histories::add,
                segment,
                customer.value());
        List<PurchaseHistory> found = histories.finish();
        return found.isEmpty() ? new PurchaseHistory(customer.value(), segment, List.of()) : found.get(0);
    }

    @Override
    @Transactional(readOnly = true)
    public CoPurchaseModel modelAround(UUID build, Collection<String> products, String segment) {
        List<String> ids = List.copyOf(products);
        Map<String, List<SimilarProduct>> similar = new HashMap<>();
        Map<String, ProductStats> stats = new HashMap<>();
        jdbc.execute((Connection connection) -> {
            try (var statement = connection.prepareStatement(
                    "select product_id, similar_id, score, co_buyers from product_similarity "
                            + "where build_id = ? and product_id = any (?::text[]) order by product_id, rank")) {
                statement.setObject(1, build);
                statement.setArray(2, SqlArrays.textArray(connection, ids, id -> id));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        similar.computeIfAbsent(rows.getString(1), product -> new ArrayList<>())
                                .add(new SimilarProduct(rows.getString(2), rows.getDouble(3), rows.getInt(4)));
                    }
                }
            }
            try (var statement = connection.prepareStatement(
                    "select product_id, buyers, repeat_buyers, repeat_item from product_purchase_stats "
                            + "where build_id = ? and product_id = any (?::text[])")) {
                statement.setObject(1, build);
                statement.setArray(2, SqlArrays.textArray(connection, ids, id -> id));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        stats.put(
                                rows.getString(1),
                                new ProductStats(
                                        rows.getString(1), rows.getInt(2), rows.getInt(3), rows.getBoolean(4)));
                    }
                }
            }
            return null;
        });
        Map<String, List<String>> popular = new LinkedHashMap<>();
        jdbc.query(
                "select segment, product_id from product_popularity where build_id = ? and segment in (?, ?) "
                        + "order by segment, rank",
                row -> {
                    popular.computeIfAbsent(row.getString(1), key -> new ArrayList<>())
                            .add(row.getString(2));
                },
                build,
                ALL_SEGMENTS,
                segment == null ? ALL_SEGMENTS : segment);
        List<String> overall = popular.getOrDefault(ALL_SEGMENTS, List.of());
        Map<String, List<String>> bySegment = new HashMap<>();
        if (segment != null && popular.containsKey(segment)) {
            bySegment.put(segment, popular.get(segment));
        }
        return new CoPurchaseModel(similar, stats, overall, bySegment);
    }

    private static void insertSimilar(Connection connection, UUID build, Map<String, List<SimilarProduct>> similar)
            throws SQLException {
        record Row(String product, int rank, SimilarProduct similar) {}
        List<Row> rows = new ArrayList<>();
        similar.forEach((product, list) -> {
            for (int i = 0; i < list.size(); i++) {
                rows.add(new Row(product, i + 1, list.get(i)));
            }
        });
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            try (var statement = connection.prepareStatement("""
                    insert into product_similarity (build_id, product_id, rank, similar_id, score, co_buyers)
                    select ?, product_id, rank::integer, similar_id, score::double precision, co_buyers::integer
                    from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                         as s(product_id, rank, similar_id, score, co_buyers)
                    """)) {
                statement.setObject(1, build);
                statement.setArray(2, SqlArrays.textArray(connection, chunk, Row::product));
                statement.setArray(3, SqlArrays.textArray(connection, chunk, Row::rank));
                statement.setArray(
                        4,
                        SqlArrays.textArray(
                                connection, chunk, row -> row.similar().productId()));
                statement.setArray(
                        5,
                        SqlArrays.textArray(
                                connection, chunk, row -> row.similar().score()));
                statement.setArray(
                        6,
                        SqlArrays.textArray(
                                connection, chunk, row -> row.similar().coBuyers()));
                statement.executeUpdate();
            }
        }
    }

    private static void insertStats(Connection connection, UUID build, Collection<ProductStats> stats)
            throws SQLException {
        List<ProductStats> rows = List.copyOf(stats);
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<ProductStats> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            try (var statement = connection.prepareStatement("""
                    insert into product_purchase_stats (build_id, product_id, buyers, repeat_buyers, repeat_item)
                    select ?, product_id, buyers::integer, repeat_buyers::integer, repeat_item::boolean
                    from unnest(?::text[], ?::text[], ?::text[], ?::text[])
                         as s(product_id, buyers, repeat_buyers, repeat_item)
                    """)) {
                statement.setObject(1, build);
                statement.setArray(2, SqlArrays.textArray(connection, chunk, ProductStats::productId));
                statement.setArray(3, SqlArrays.textArray(connection, chunk, ProductStats::buyers));
                statement.setArray(4, SqlArrays.textArray(connection, chunk, ProductStats::repeatBuyers));
                statement.setArray(5, SqlArrays.textArray(connection, chunk, ProductStats::repeatItem));
                statement.executeUpdate();
            }
        }
    }

    private static void insertPopular(Connection connection, UUID build, CoPurchaseModel model) throws SQLException {
        record Row(String segment, int rank, String product) {}
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < model.popular().size(); i++) {
            rows.add(new Row(ALL_SEGMENTS, i + 1, model.popular().get(i)));
        }
        model.popularBySegment().forEach((segment, products) -> {
            for (int i = 0; i < products.size(); i++) {
                rows.add(new Row(segment, i + 1, products.get(i)));
            }
        });
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            try (var statement = connection.prepareStatement("""
                    insert into product_popularity (build_id, segment, rank, product_id)
                    select ?, segment, rank::integer, product_id
                    from unnest(?::text[], ?::text[], ?::text[]) as p(segment, rank, product_id)
                    """)) {
                statement.setObject(1, build);
                statement.setArray(2, SqlArrays.textArray(connection, chunk, Row::segment));
                statement.setArray(3, SqlArrays.textArray(connection, chunk, Row::rank));
                statement.setArray(4, SqlArrays.textArray(connection, chunk, Row::product));
                statement.executeUpdate();
            }
        }
    }

    /** Groups rows ordered by customer and time into histories, one basket per purchase event. */
    private static final class Histories {

        private final List<PurchaseHistory> done = new ArrayList<>();
        private UUID customer;
        private String segment;
        private List<Basket> baskets = new ArrayList<>();
        private UUID event;
        private Instant at;
        private List<String> products = new ArrayList<>();

        void add(ResultSet row) throws SQLException {
            UUID rowCustomer = row.getObject("customer_id", UUID.class);
            UUID rowEvent = row.getObject("event_id", UUID.class);
            if (rowEvent == null) {
                // a customer without purchases
                closeBasket();
                closeHistory();
                customer = rowCustomer;
                segment = row.getString("segment");
                return;
            }
            if (!rowEvent.equals(event)) {
                closeBasket();
                if (!rowCustomer.equals(customer)) {
                    closeHistory();
                    customer = rowCustomer;
                    segment = row.getString("segment");
                }
                event = rowEvent;
                at = SqlTimes.instant(row, "occurred_at");
            }
            products.add(row.getString("product_id"));
        }

        private void closeBasket() {
            if (event != null) {
                baskets.add(new Basket(at, products));
                products = new ArrayList<>();
                event = null;
            }
        }

        private void closeHistory() {
            if (customer != null) {
                done.add(new PurchaseHistory(customer, segment, baskets));
                baskets = new ArrayList<>();
            }
        }

        List<PurchaseHistory> finish() {
            closeBasket();
            closeHistory();
            customer = null;
            return done;
        }
    }

    private static Map<String, Object> settingsJson(RecommendationSettings settings) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("neighbours", settings.neighbours());
        json.put("minimumCoBuyers", settings.minimumCoBuyers());
        json.put("shrinkage", settings.shrinkage());
        json.put("recencyDecay", settings.recencyDecay());
        json.put("repeatShare", settings.repeatShare());
        json.put("repeatMinimumBuyers", settings.repeatMinimumBuyers());
        return json;
    }

    private static RecommendationSettings settings(Map<String, Object> json) {
        return new RecommendationSettings(
                ((Number) json.get("neighbours")).intValue(),
                ((Number) json.get("minimumCoBuyers")).intValue(),
                ((Number) json.get("shrinkage")).doubleValue(),
                ((Number) json.get("recencyDecay")).doubleValue(),
                ((Number) json.get("repeatShare")).doubleValue(),
                ((Number) json.get("repeatMinimumBuyers")).intValue());
    }

    private static Map<String, Object> evaluationJson(OfflineEvaluation.Result result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("k", result.k());
        json.put("customersEvaluated", result.customersEvaluated());
        json.put("itemToItem", qualityJson(result.itemToItem()));
        json.put("popularity", qualityJson(result.popularity()));
        return json;
    }

    private static Map<String, Object> qualityJson(RankingQuality quality) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("hitRate", quality.hitRate());
        json.put("precision", quality.precision());
        json.put("recall", quality.recall());
        json.put("meanAveragePrecision", quality.meanAveragePrecision());
        json.put("coverage", quality.coverage());
        return json;
    }

    @SuppressWarnings("unchecked")
    private static OfflineEvaluation.Result evaluation(String text) {
        if (text == null) {
            return null;
        }
        Map<String, Object> json = JsonColumns.readObject(text);
        return new OfflineEvaluation.Result(
                ((Number) json.get("k")).intValue(),
                ((Number) json.get("customersEvaluated")).intValue(),
                quality((Map<String, Object>) json.get("itemToItem")),
                quality((Map<String, Object>) json.get("popularity")));
    }

    private static RankingQuality quality(Map<String, Object> json) {
        return new RankingQuality(
                ((Number) json.get("hitRate")).doubleValue(),
                ((Number) json.get("precision")).doubleValue(),
                ((Number) json.get("recall")).doubleValue(),
                ((Number) json.get("meanAveragePrecision")).doubleValue(),
                ((Number) json.get("coverage")).doubleValue());
    }

    private static RecommendationBuild build(ResultSet row, int rowNumber) throws SQLException {
        long customers = row.getLong("customers");
        RecommendationBuild.Counts counts = row.wasNull()
                ? null
                : new RecommendationBuild.Counts(
                        customers, row.getLong("orders"), row.getLong("products"), row.getLong("pairs"));
        return new RecommendationBuild(
                row.getObject("id", UUID.class),
                BuildStatus.valueOf(row.getString("status")),
                settings(JsonColumns.readObject(row.getString("settings"))),
                row.getBoolean("evaluate"),
                counts,
                evaluation(row.getString("evaluation")),
                row.getString("error"),
                SqlTimes.instant(row, "created_at"),
                SqlTimes.instant(row, "started_at"),
                SqlTimes.instant(row, "finished_at"));
    }
}
