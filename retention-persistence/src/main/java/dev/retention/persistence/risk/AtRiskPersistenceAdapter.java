package dev.retention.persistence.risk;

import static dev.retention.persistence.shared.SqlTimes.utc;

import dev.retention.domain.risk.AtRiskCustomer;
import dev.retention.domain.risk.AtRiskCustomers;
import dev.retention.domain.risk.AtRiskPolicy;
import dev.retention.domain.risk.AtRiskPolicy.FirstGapCount;
import dev.retention.domain.risk.AtRiskPolicy.OneTimeThresholds;
import dev.retention.domain.risk.AtRiskQuery;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the at-risk list in four steps. The facts are the kept purchase rhythms, or, when a purchase lies after asOf,
 * rhythms computed from the events up to asOf into a temporary table. The one-time buyers' thresholds come from the
 * first gaps counted by segment ({@link AtRiskPolicy} takes the percentile). The candidates (customers past their
 * threshold) need their purchases and refunds of the last twelve months for their value at risk, so they are read
 * page by page, highest possible value first (all their purchases ever bound it; a customer without a purchase in
 * the window can only have a value of zero or less), valued from the events, and reading stops once no remaining
 * candidate can enter the list. Last come the external ids and P(alive) of the chosen few.
 */
@Repository
class AtRiskPersistenceAdapter implements AtRiskCustomers {

    private static final Logger log = LoggerFactory.getLogger(AtRiskPersistenceAdapter.class);
    private static final int PAGE = 1000;

    private static final String KEPT = "customer_purchase_rhythm";
    private static final String COMPUTED = "at_risk_rhythm";

    private static final String FIRST_GAPS = """
            select segment, first_gap, count(*) as customers
            from %s
            where not erased and first_gap is not null
            group by segment, first_gap
            """;

    /**
     * A page of candidates, either those who bought within the value window (highest purchase total first) or the
     * others (by id). Parameters: threshold segments and days, as of, gap multiplier, overall threshold, value window
     * start, then where the page before ended (see the two conditions below). The threshold and the comparison
     * restate {@link AtRiskPolicy}; a differential test holds them to it.
     */
    private static final String CANDIDATES = """
            with thresholds (segment, days) as (select * from unnest(?::text[], ?::float8[])),
            judged as (
                select f.customer_id, f.segment, f.last_purchase_at, cardinality(f.purchase_days) as days,
                       f.median_gap, f.purchase_total,
                       date_part('epoch', ?::timestamptz - f.last_purchase_at) / 86400 as silent_days,
                       case when f.median_gap is not null then f.median_gap * ?::float8
                            else coalesce((select t.days from thresholds t where t.segment = f.segment), ?::float8)
                       end as threshold
                from %s f
                where not f.erased and f.last_purchase_at %s ?::timestamptz and %s
            )
            select j.*, case when j.median_gap is null
                             then (select t.segment from thresholds t where t.segment = j.segment) end as source
            from judged j
            where j.threshold is not null and j.silent_days > j.threshold
            order by %s
            limit %d
            """;

    private static final String AFTER_BY_TOTAL = "(?::numeric is null or f.purchase_total < ?::numeric "
            + "or (f.purchase_total = ?::numeric and f.customer_id > ?::uuid))";
    private static final String AFTER_BY_ID = "(?::uuid is null or f.customer_id > ?::uuid)";

    /** Parameters: value window start, as of (three times), customer ids. */
    private static final String VALUES = """
            select c.id,
                   coalesce((select sum(net_revenue(e.type, e.amount))
                             from customer_event e
                             where e.customer_id = c.id and e.type in ('PURCHASE', 'REFUND')
                               and e.occurred_at > ?::timestamptz and e.occurred_at <= ?::timestamptz), 0) as value,
                   not exists (select 1 from customer_event ch
                               where ch.customer_id = c.id and ch.type = 'CHURNED' and ch.occurred_at <= ?::timestamptz
                                 and not exists (select 1 from customer_event re
                                                 where re.customer_id = c.id and re.type = 'REACTIVATED'
                                                   and re.occurred_at >= ch.occurred_at
                                                   and re.occurred_at <= ?::timestamptz)) as active
            from unnest(?::uuid[]) as c(id)
            """;

    /** Parameters: customer ids. */
    private static final String DETAILS = """
            select c.id, c.external_id,
                   (select p.probability_alive from customer_prediction p
                    where p.customer_id = c.id and p.model_id = (
                        select m.id from clv_model m where m.status = 'SUCCEEDED' and m.segment is null
                        order by m.finished_at desc limit 1)) as probability_alive
            from customer c
            where c.id = any (?::uuid[])
            """;

    private final JdbcTemplate jdbc;

    AtRiskPersistenceAdapter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Read-write: a list as of the past computes its facts into a temporary table. */
    @Override
    @Transactional
    public List<AtRiskCustomer> find(AtRiskQuery query) {
        return jdbc.execute(
                (ConnectionCallback<List<AtRiskCustomer>>) connection -> new Search(connection, query).run());
    }

    /** A customer past its threshold, with an upper bound of its value at risk. */
    private record Candidate(
            UUID id,
            String segment,
            Instant lastPurchaseAt,
            double silentDays,
            int days,
            Double medianGap,
            double threshold,
            String thresholdSource,
            BigDecimal valueBound) {}

    private record Valued(Candidate candidate, BigDecimal value) {

        int rank(Valued other) {
            return AtRiskPolicy.rank(value, candidate.id(), other.value, other.candidate.id());
        }
    }

    private static final class Search {

        private final Connection connection;
        private final AtRiskQuery query;
        private final Instant valueFrom;
        private final List<Valued> best = new ArrayList<>();
        private String facts;
        private OneTimeThresholds thresholds;
        private int read;

        Search(Connection connection, AtRiskQuery query) {
            this.connection = connection;
            this.query = query;
            this.valueFrom = AtRiskPolicy.valueWindowStart(query.asOf());
        }

        List<AtRiskCustomer> run() throws SQLException {
            facts = purchaseAfterAsOf() ? computedFacts() : KEPT;
            thresholds = oneTimeThresholds();
            // Only a customer who bought within the window can have a positive value; the others are read (by id,
            // their bound being zero) only when the list is not full of positive values without them.
            boolean settled = readCandidates(true);
            if (!settled
                    && !(best.size() == query.limit()
                            && best.get(best.size() - 1).value().signum() > 0)) {
                readCandidates(false);
            }
            log.debug("At-risk list as of {} from {}: {} candidates valued", query.asOf(), facts, read);
            return withDetails();
        }

        private boolean purchaseAfterAsOf() throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(
                    "select exists (select 1 from customer_event where type = 'PURCHASE' and occurred_at > ?)")) {
                statement.setObject(1, utc(query.asOf()));
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    return row.getBoolean(1);
                }
            }
        }

        private String computedFacts() throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement("create temporary table " + COMPUTED
                    + " on commit drop as select * from customer_purchase_rhythm_of(null, ?)")) {
                statement.setObject(1, utc(query.asOf()));
                statement.execute();
            }
            return COMPUTED;
        }

        private OneTimeThresholds oneTimeThresholds() throws SQLException {
            List<FirstGapCount> counts = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(FIRST_GAPS.formatted(facts));
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.add(new FirstGapCount(
                            rows.getString("segment"), rows.getInt("first_gap"), rows.getLong("customers")));
                }
            }
            return OneTimeThresholds.of(counts);
        }

        /**
         * Reads and values pages of candidates until none left could enter the list; returns whether that point
         * came before the candidates ran out.
         */
        private boolean readCandidates(boolean boughtInWindow) throws SQLException {
            String sql = CANDIDATES.formatted(
                    facts,
                    boughtInWindow ? ">" : "<=",
                    boughtInWindow ? AFTER_BY_TOTAL : AFTER_BY_ID,
                    boughtInWindow ? "purchase_total desc, customer_id" : "customer_id",
                    PAGE);
            List<String> segments = new ArrayList<>(thresholds.bySegment().keySet());
            Candidate last = null;
            while (true) {
                List<Candidate> page = new ArrayList<>(PAGE);
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    int parameter = 1;
                    statement.setArray(parameter++, connection.createArrayOf("text", segments.toArray()));
                    statement.setArray(
                            parameter++,
                            connection.createArrayOf(
                                    "float8",
                                    segments.stream()
                                            .map(thresholds.bySegment()::get)
                                            .toArray()));
                    statement.setObject(parameter++, utc(query.asOf()));
                    statement.setDouble(parameter++, AtRiskPolicy.GAP_MULTIPLIER);
                    statement.setObject(parameter++, thresholds.overall(), Types.DOUBLE);
                    statement.setObject(parameter++, utc(valueFrom));
                    if (boughtInWindow) {
                        BigDecimal total = last == null ? null : last.valueBound();
                        statement.setBigDecimal(parameter++, total);
                        statement.setBigDecimal(parameter++, total);
                        statement.setBigDecimal(parameter++, total);
                    } else {
                        statement.setObject(parameter++, last == null ? null : last.id(), Types.OTHER);
                    }
                    statement.setObject(parameter, last == null ? null : last.id(), Types.OTHER);
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            page.add(candidate(rows, boughtInWindow));
                        }
                    }
                }
                if (page.isEmpty()) {
                    return false;
                }
                read += page.size();
                last = page.get(page.size() - 1);
                if (value(page)) {
                    return true;
                }
                if (page.size() < PAGE) {
                    return false;
                }
            }
        }

        private static Candidate candidate(ResultSet row, boolean boughtInWindow) throws SQLException {
            return new Candidate(
                    row.getObject("customer_id", UUID.class),
                    row.getString("segment"),
                    row.getObject("last_purchase_at", OffsetDateTime.class).toInstant(),
                    row.getDouble("silent_days"),
                    row.getInt("days"),
                    (Double) row.getObject("median_gap"),
                    row.getDouble("threshold"),
                    row.getString("source"),
                    boughtInWindow ? row.getBigDecimal("purchase_total") : BigDecimal.ZERO);
        }

        /**
         * Values a page and keeps the best; returns whether the list is settled: full, and its last entry ahead of
         * anything the candidates after the page (bounded by the page's last) could reach.
         */
        private boolean value(List<Candidate> page) throws SQLException {
            Map<UUID, Candidate> byId = new HashMap<>();
            page.forEach(candidate -> byId.put(candidate.id(), candidate));
            try (PreparedStatement statement = connection.prepareStatement(VALUES)) {
                statement.setObject(1, utc(valueFrom));
                statement.setObject(2, utc(query.asOf()));
                statement.setObject(3, utc(query.asOf()));
                statement.setObject(4, utc(query.asOf()));
                statement.setArray(
                        5, connection.createArrayOf("uuid", byId.keySet().toArray()));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        if (rows.getBoolean("active")) {
                            best.add(new Valued(
                                    byId.get(rows.getObject("id", UUID.class)), rows.getBigDecimal("value")));
                        }
                    }
                }
            }
            best.sort(Valued::rank);
            while (best.size() > query.limit()) {
                best.remove(best.size() - 1);
            }
            if (best.size() < query.limit()) {
                return false;
            }
            Candidate last = page.get(page.size() - 1);
            return best.get(best.size() - 1).rank(new Valued(last, last.valueBound())) < 0;
        }

        private List<AtRiskCustomer> withDetails() throws SQLException {
            Map<UUID, String> externalIds = new HashMap<>();
            Map<UUID, Double> probabilities = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(DETAILS)) {
                statement.setArray(
                        1,
                        connection.createArrayOf(
                                "uuid",
                                best.stream()
                                        .map(valued -> valued.candidate().id())
                                        .toArray()));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        UUID id = rows.getObject("id", UUID.class);
                        externalIds.put(id, rows.getString("external_id"));
                        probabilities.put(id, (Double) rows.getObject("probability_alive"));
                    }
                }
            }
            return best.stream()
                    .map(valued -> {
                        Candidate c = valued.candidate();
                        return new AtRiskCustomer(
                                c.id(),
                                externalIds.get(c.id()),
                                c.segment(),
                                c.lastPurchaseAt(),
                                c.silentDays(),
                                c.days(),
                                c.medianGap(),
                                c.threshold(),
                                c.thresholdSource(),
                                valued.value(),
                                probabilities.get(c.id()));
                    })
                    .toList();
        }
    }
}
