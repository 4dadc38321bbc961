package dev.retention.persistence.strategy;

import static dev.retention.persistence.shared.SqlTimes.instant;
import static dev.retention.persistence.shared.SqlTimes.utc;

import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.event.EventType;
import dev.retention.domain.metrics.LifecycleQuery;
import dev.retention.domain.metrics.StatusChange;
import dev.retention.domain.rfm.RfmSegment;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import dev.retention.domain.strategy.Assignment;
import dev.retention.domain.strategy.CustomerOutcome;
import dev.retention.domain.strategy.Group;
import dev.retention.domain.strategy.Strategies;
import dev.retention.domain.strategy.Strategy;
import dev.retention.domain.strategy.StrategyChannel;
import dev.retention.domain.strategy.StrategyEffect;
import dev.retention.domain.strategy.StrategyStatus;
import dev.retention.domain.strategy.StrategyTarget;
import dev.retention.domain.strategy.StrategyType;
import dev.retention.domain.strategy.Touch;
import dev.retention.persistence.shared.SqlPages;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class StrategyPersistenceAdapter implements Strategies {

    private static final RowMapper<Strategy> STRATEGY = StrategyPersistenceAdapter::toStrategy;
    private static final RowMapper<Assignment> ASSIGNMENT = (row, n) -> new Assignment(
            row.getObject("strategy_id", UUID.class),
            row.getObject("customer_id", UUID.class),
            Group.valueOf(row.getString("assigned_to")),
            instant(row, "assigned_at"),
            List.of((String[]) row.getArray("recommended").getArray()));

    private final JdbcTemplate jdbc;

    StrategyPersistenceAdapter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void add(Strategy strategy) {
        jdbc.update(
                "insert into strategy (id, name, type, action, channel, target_rfm, target_segment, "
                        + "target_at_risk, starts_at, ends_at, holdout_percent, status, created_at, activated_at, updated_at, "
                        + "recommendations) values (?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                strategy.id(),
                strategy.name(),
                strategy.type().name(),
                strategy.action(),
                strategy.channel().name(),
                rfm(strategy.target()),
                strategy.target().customerSegment(),
                strategy.target().atRisk(),
                utc(strategy.startsAt()),
                utc(strategy.endsAt()),
                strategy.holdoutPercent(),
                strategy.status().name(),
                utc(strategy.createdAt()),
                utc(strategy.activatedAt()),
                utc(strategy.updatedAt()),
                strategy.recommendations());
    }

    @Override
    @Transactional
    public void update(Strategy strategy) {
        jdbc.update(
                "update strategy set status = ?, activated_at = ?, updated_at = ? where id = ?",
                strategy.status().name(),
                utc(strategy.activatedAt()),
                utc(strategy.updatedAt()),
                strategy.id());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Strategy> find(UUID id) {
        return jdbc.query("select * from strategy where id = ?", STRATEGY, id).stream()
                .findFirst();
    }

    @Override
    @Transactional
    public Optional<Strategy> lock(UUID id) {
        return jdbc.query("select * from strategy where id = ? for update", STRATEGY, id).stream()
                .findFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Strategy> list(PageRequest page) {
        return SqlPages.of(jdbc, "strategy", "created_at desc, id", STRATEGY, page);
    }

    @Override
    @Transactional(readOnly = true)
    public List<UUID> customersOfSegment(String segment) {
        return jdbc.queryForList(
                "select id from customer where segment = ? and erased_at is null", UUID.class, segment);
    }

    @Override
    @Transactional
    public void assign(Collection<Assignment> assignments) {
        List<Assignment> rows = List.copyOf(assignments);
        jdbc.batchUpdate(
                "insert into strategy_assignment (strategy_id, customer_id, assigned_to, assigned_at, recommended) "
                        + "values (?, ?, ?, ?, ?)",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement statement, int i) throws SQLException {
                        Assignment a = rows.get(i);
                        statement.setObject(1, a.strategyId());
                        statement.setObject(2, a.customerId());
                        statement.setString(3, a.group().name());
                        statement.setObject(4, utc(a.assignedAt()));
                        statement.setArray(
                                5,
                                statement
                                        .getConnection()
                                        .createArrayOf("text", a.recommended().toArray()));
                    }

                    @Override
                    public int getBatchSize() {
                        return rows.size();
                    }
                });
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Assignment> assignments(UUID strategyId, Group group, PageRequest page) {
        String groupName = group == null ? null : group.name();
        Long total = jdbc.queryForObject(
                "select count(*) from strategy_assignment where strategy_id = ? "
                        + "and (?::text is null or assigned_to = ?::text)",
                Long.class,
                strategyId,
                groupName,
                groupName);
        return new Page<>(
                jdbc.query(
                        "select * from strategy_assignment where strategy_id = ? "
                                + "and (?::text is null or assigned_to = ?::text) order by customer_id limit ? offset ?",
                        ASSIGNMENT,
                        strategyId,
                        groupName,
                        groupName,
                        page.size(),
                        page.offset()),
                page.page(),
                page.size(),
                total == null ? 0 : total);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Assignment> assignment(UUID strategyId, CustomerId customer) {
        UUID customerId = customer.value();
        return jdbc
                .query(
                        "select * from strategy_assignment where strategy_id = ? and customer_id = ?",
                        ASSIGNMENT,
                        strategyId,
                        customerId)
                .stream()
                .findFirst();
    }

    @Override
    @Transactional
    public void addTouch(Touch touch) {
        jdbc.update(
                "insert into strategy_touch (id, strategy_id, customer_id, kind, occurred_at, recorded_at) "
                        + "values (?, ?, ?, ?, ?, ?)",
                touch.id(),
                touch.strategyId(),
                touch.customerId(),
                touch.kind().name(),
                utc(touch.occurredAt()),
                utc(touch.recordedAt()));
    }

    @Override
    @Transactional(readOnly = true)
    public List<CustomerOutcome> outcomes(
            UUID strategyId, LifecycleQuery lifecycles, Instant windowStart, Instant windowEnd, Instant until) {
        Map<UUID, Object[]> customers = new LinkedHashMap<>();
        jdbc.query(
                """
                select a.customer_id, a.assigned_to, c.segment, c.acquired_at,
                       coalesce(sum(net_revenue(e.type, e.amount))
                                filter (where e.occurred_at >= ? and e.occurred_at < ?), 0) as during,
                       coalesce(sum(net_revenue(e.type, e.amount))
                                filter (where e.occurred_at >= ? and e.occurred_at < ?), 0) as after
                from strategy_assignment a
                join customer c on c.id = a.customer_id
                left join customer_event e on e.customer_id = a.customer_id and e.type in ('PURCHASE', 'REFUND')
                where a.strategy_id = ?
                group by a.customer_id, a.assigned_to, c.segment, c.acquired_at
                """,
                row -> {
                    customers.put(row.getObject(1, UUID.class), new Object[] {
                        Group.valueOf(row.getString(2)),
                        row.getString(3),
                        instant(row, "acquired_at"),
                        row.getBigDecimal("during"),
                        row.getBigDecimal("after")
                    });
                },
                utc(windowStart),
                utc(windowEnd),
                utc(windowEnd),
                utc(until),
                strategyId);
        Map<UUID, List<StatusChange>> events = new HashMap<>();
        jdbc.query(
                """
                select e.customer_id, e.type, e.occurred_at
                from strategy_assignment a join customer_event e on e.customer_id = a.customer_id
                where a.strategy_id = ? and e.type = any (?::text[]) and e.occurred_at < ?
                order by e.customer_id, e.occurred_at
                """,
                row -> {
                    events.computeIfAbsent(row.getObject(1, UUID.class), id -> new ArrayList<>())
                            .add(new StatusChange(instant(row, "occurred_at"), EventType.valueOf(row.getString(2))));
                },
                strategyId,
                lifecycles.eventTypes().stream().map(Enum::name).toArray(String[]::new),
                utc(until));
        List<CustomerOutcome> outcomes = new ArrayList<>();
        customers.forEach((id, values) -> outcomes.add(new CustomerOutcome(
                id,
                (Group) values[0],
                lifecycles
                        .lifecycle((String) values[1], (Instant) values[2], events.getOrDefault(id, List.of()))
                        .orElse(null),
                (BigDecimal) values[3],
                (BigDecimal) values[4])));
        return outcomes;
    }

    @Override
    @Transactional(readOnly = true)
    public StrategyEffect.RecommendationUptake recommendationUptake(UUID strategyId, Instant from, Instant to) {
        return jdbc.queryForObject(
                """
                select count(*) as recommended,
                       count(*) filter (where exists (
                           select 1 from customer_event e
                           left join customer_event_line l on l.event_id = e.id
                           where e.customer_id = a.customer_id and e.type = 'PURCHASE'
                             and e.occurred_at >= ? and e.occurred_at < ?
                             and coalesce(l.product_id, e.product_id) = any (a.recommended))) as bought
                from strategy_assignment a
                where a.strategy_id = ? and a.assigned_to = 'TREATMENT' and cardinality(a.recommended) > 0
                """,
                (row, n) -> new StrategyEffect.RecommendationUptake(row.getLong("recommended"), row.getLong("bought")),
                utc(from),
                utc(to),
                strategyId);
    }

    private static String rfm(StrategyTarget target) {
        return "{" + target.rfmSegments().stream().map(Enum::name).sorted().collect(Collectors.joining(",")) + "}";
    }

    private static Strategy toStrategy(ResultSet row, int n) throws SQLException {
        String[] rfm = (String[]) row.getArray("target_rfm").getArray();
        StrategyTarget target = new StrategyTarget(
                Arrays.stream(rfm).map(RfmSegment::valueOf).collect(Collectors.toSet()),
                row.getString("target_segment"),
                row.getBoolean("target_at_risk"));
        return new Strategy(
                row.getObject("id", UUID.class),
                row.getString("name"),
                StrategyType.valueOf(row.getString("type")),
                row.getString("action"),
                StrategyChannel.valueOf(row.getString("channel")),
                target,
                instant(row, "starts_at"),
                instant(row, "ends_at"),
                row.getInt("holdout_percent"),
                StrategyStatus.valueOf(row.getString("status")),
                instant(row, "created_at"),
                instant(row, "activated_at"),
                instant(row, "updated_at"),
                row.getInt("recommendations"));
    }
}
