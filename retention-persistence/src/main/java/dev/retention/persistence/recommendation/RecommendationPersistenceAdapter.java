package dev.retention.persistence.recommendation;

import static dev.retention.persistence.shared.SqlTimes.utc;

import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.recommendation.Basket;
import dev.retention.domain.recommendation.BuildStatus;
import dev.retention.domain.recommendation.CoPurchaseModel;
import dev.retention.domain.recommendation.OfflineEvaluation;
import dev.retention.domain.recommendation.PurchaseHistory;
import dev.retention.domain.recommendation.RecommendationBuild;
import dev.retention.domain.recommendation.RecommendationStore;
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
import java.util.List;
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
    private static final int FETCH_SIZE = 10_000;

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
                JsonColumns.write(BuildJson.settings(build.settings())),
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
            ModelTables.insert(connection, id, model);
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
                evaluation == null ? null : JsonColumns.write(BuildJson.evaluation(evaluation)),
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
                    statement.setFetchSize(FETCH_SIZE);
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
                    statement.setFetchSize(FETCH_SIZE);
                    return statement;
                },
                histories::add);
        return histories.finish();
    }

    @Override
    @Transactional(readOnly = true)
    public CoPurchaseModel model(UUID build) {
        return jdbc.execute((Connection connection) -> ModelTables.read(connection, build, null, null));
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
        return jdbc.execute((Connection connection) -> ModelTables.read(connection, build, products, segment));
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

    private static RecommendationBuild build(ResultSet row, int rowNumber) throws SQLException {
        long customers = row.getLong("customers");
        RecommendationBuild.Counts counts = row.wasNull()
                ? null
                : new RecommendationBuild.Counts(
                        customers, row.getLong("orders"), row.getLong("products"), row.getLong("pairs"));
        return new RecommendationBuild(
                row.getObject("id", UUID.class),
                BuildStatus.valueOf(row.getString("status")),
                BuildJson.settings(JsonColumns.readObject(row.getString("settings"))),
                row.getBoolean("evaluate"),
                counts,
                BuildJson.evaluation(row.getString("evaluation")),
                row.getString("error"),
                SqlTimes.instant(row, "created_at"),
                SqlTimes.instant(row, "started_at"),
                SqlTimes.instant(row, "finished_at"));
    }
}
