package dev.retention.persistence.metrics;

import static dev.retention.persistence.shared.SqlTimes.utc;

import dev.retention.domain.event.EventType;
import dev.retention.domain.metrics.ChurnModel;
import dev.retention.domain.metrics.CustomerLifecycles;
import dev.retention.domain.metrics.KeptActivitySpells.Kept;
import dev.retention.domain.metrics.Lifecycle;
import dev.retention.domain.metrics.LifecycleQuery;
import dev.retention.domain.metrics.LifecycleSink;
import dev.retention.domain.metrics.StatusChange;
import dev.retention.domain.shared.Concurrently;
import dev.retention.persistence.shared.SqlArrays;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands the customers' lifecycles to the sink, counted in the database wherever it can:
 * <ul>
 * <li>INACTIVITY: every customer, grouped by the stretches between boundaries its acquisition and activity spells
 * fall into, from the spells the database keeps for the configured window and activity types, or computed from the
 * events in the same statement for any other;</li>
 * <li>CONTRACTUAL: customers whose history the database keeps summarised (see
 * {@link LifecycleQuery#summarisedCustomersNeedNoEvents()}) in groups likewise; the others are streamed with the few
 * events their lifecycle depends on, ordered by customer, through a server-side cursor.</li>
 * </ul>
 */
@Repository
class CustomerLifecyclePersistenceAdapter implements CustomerLifecycles {

    private static final int FETCH_SIZE = 10_000;

    /**
     * Customers whose contractual history the database cannot summarise in a few instants; see the migration that
     * keeps {@code lifecycle_kind}, {@code churned_at} and {@code back_at} up to date.
     */
    private static final String UNSUMMARISED = "c.lifecycle_kind = 2";

    /**
     * When the customer enrolled in the loyalty programme: a join and the column it gives, read once per customer and
     * only when the query asks for a membership; which periods that makes it a member of is the domain's rule
     * ({@link dev.retention.domain.metrics.Membership}).
     */
    private record MemberSince(String join, String column) {}

    private static final MemberSince ENROLMENT =
            new MemberSince("left join loyalty_account a on a.customer_id = c.id", "a.enrolled_at");
    private static final MemberSince NOT_ASKED = new MemberSince("", "null::timestamptz");

    /**
     * The other customers, counted per segment and per stretch between two boundaries of each of their instants
     * (enrolment included); instants at or after the end of the range are left out. Parameters: until, boundaries,
     * segment; the member-since column and its join are formatted in.
     */
    private static final String SUMMARISED_COUNTS = """
            with q as (select ?::timestamptz as until, ?::timestamptz[] as boundaries, ?::text as segment),
            summary as (
                select c.segment, c.acquired_at,
                       case when c.churned_at < q.until then c.churned_at end as churned_at,
                       case when c.back_at < q.until then c.back_at end as back_at, %s as member_since, q.boundaries
                from customer c %s, q
                where c.acquired_at < q.until and (q.segment is null or c.segment = q.segment)
                  and c.lifecycle_kind < 2
            )
            select segment, (extract(epoch from min(acquired_at)) * 1000000)::bigint,
                   (extract(epoch from min(churned_at)) * 1000000)::bigint,
                   (extract(epoch from min(back_at)) * 1000000)::bigint, count(*),
                   (extract(epoch from min(member_since)) * 1000000)::bigint
            from summary
            group by segment, width_bucket(acquired_at, boundaries), width_bucket(churned_at, boundaries),
                     width_bucket(back_at, boundaries), width_bucket(member_since, boundaries)
            """;

    /**
     * Parameters: types, until, segment, segment, then those of the customer condition; the member-since column, its
     * join and the customer condition are formatted in.
     */
    private static final String EVENTS_OF_CUSTOMERS = """
            select c.id, c.segment, (extract(epoch from c.acquired_at) * 1000000)::bigint as acquired_micros, e.type,
                   (extract(epoch from e.occurred_at) * 1000000)::bigint as occurred_micros,
                   (extract(epoch from %s) * 1000000)::bigint as member_since_micros
            from customer c %s
            left join customer_event e
                   on e.customer_id = c.id and e.type = any (?::text[]) and e.occurred_at < ?
            where (?::text is null or c.segment = ?::text)
              and %s
            order by c.id, e.occurred_at
            """;

    /**
     * Under INACTIVITY: every customer acquired before the end of the range, counted by segment and by the stretches
     * between boundaries that its acquisition, enrolment and spells fall into (see
     * {@link LifecycleQuery#lifecycleInStretches}); a later spell's stretches are packed into one number,
     * start * {@value #PACKED} + end. Parameters: until, boundaries, segment, then those of the activity source; the
     * member-since column, the source and the member-since join are formatted in.
     */
    private static final String STRETCH_COUNTS = """
            with q as (select ?::timestamptz as until, ?::timestamptz[] as boundaries, ?::text as segment)
            select c.segment, width_bucket(c.acquired_at, q.boundaries), width_bucket(%s, q.boundaries),
                   width_bucket(c.first_until, q.boundaries),
                   case when c.later_from is not null then array(
                       select width_bucket(f, q.boundaries) * %d + width_bucket(u, q.boundaries)
                       from unnest(c.later_from, c.later_until) as later(f, u)) end,
                   count(*)
            from %s as c %s, q
            where c.acquired_at < q.until and (q.segment is null or c.segment = q.segment)
            group by 1, 2, 3, 4, 5
            """;

    /** More than the largest stretch index: boundaries are at most {@code ReportingPeriods.MAX_PERIODS} + 1. */
    private static final int PACKED = 1 << 11;

    /** The activity the database keeps for the configured window and activity types. */
    private static final String KEPT_ACTIVITY = """
            (select customer_id as id, segment, acquired_at, first_until, later_from, later_until
             from customer_activity)""";

    /** The same for any other window or activity types, from the events. Parameters: window in seconds, types. */
    private static final String ACTIVITY_FROM_EVENTS = """
            (select customer_id as id, segment, acquired_at, first_until, later_from, later_until
             from customer_activity_of(null, make_interval(secs => ?), ?::text[]))""";

    /**
     * The stretch counts group a million customers into some ten thousand groups, and spells computed from the
     * events sort every activity point: with the default working memory PostgreSQL sorts the customers to group them
     * instead of hashing them, and sorts the points on disk.
     */
    private static final String GROUPING_MEMORY = "set local work_mem = '128MB'";

    /** Parameters: until, until. */
    private static final String ACQUIRED_BEFORE_UNTIL = """
            (c.acquired_at < ? or exists (select 1 from customer_event x
                                          where x.customer_id = c.id and x.type = 'ACQUIRED' and x.occurred_at < ?))
            """;

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final Executor queries;

    CustomerLifecyclePersistenceAdapter(
            JdbcTemplate jdbc, DataSource dataSource, @Qualifier("metricsQueries") Executor queries) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.queries = queries;
    }

    /**
     * One snapshot for all statements, so that no customer is counted both in a group and among the streamed. The
     * summarised customers are counted on a second connection that imports this transaction's snapshot, while this
     * one streams the others.
     */
    @Override
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public void forEach(LifecycleQuery query, LifecycleSink sink) {
        jdbc.execute((Connection connection) -> {
            if (query.summarisedCustomersNeedNoEvents()) {
                String snapshot = exportSnapshot(connection);
                CompletableFuture<List<SummaryGroup>> groups =
                        CompletableFuture.supplyAsync(() -> countSummarisedInSnapshot(snapshot, query), queries);
                stream(connection, query, UNSUMMARISED, sink);
                for (SummaryGroup group : Concurrently.await(groups)) {
                    sink.add(
                            query.summarisedLifecycle(
                                    group.segment(),
                                    group.acquiredAt(),
                                    group.memberSince(),
                                    group.churnedAt(),
                                    group.backAt()),
                            group.customers());
                }
            } else if (query.model() == ChurnModel.INACTIVITY) {
                countInStretches(connection, query, sink);
            } else {
                stream(connection, query, ACQUIRED_BEFORE_UNTIL, sink);
            }
            return null;
        });
    }

    /**
     * Summarised customers of one segment whose instants fall into the same stretches between boundaries, with the
     * earliest of each instant: it orders like every member's and lies in the same stretch.
     */
    private record SummaryGroup(
            String segment,
            Instant acquiredAt,
            Instant churnedAt,
            Instant backAt,
            long customers,
            Instant memberSince) {}

    private static MemberSince memberSince(LifecycleQuery query) {
        return query.customers().membership() == null ? NOT_ASKED : ENROLMENT;
    }

    private static String exportSnapshot(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select pg_export_snapshot()")) {
            row.next();
            return row.getString(1);
        }
    }

    private List<SummaryGroup> countSummarisedInSnapshot(String snapshot, LifecycleQuery query) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement statement = connection.createStatement()) {
                statement.execute("set transaction snapshot '" + snapshot.replace("'", "''") + "'");
            }
            List<SummaryGroup> groups = countSummarised(connection, query);
            connection.commit();
            return groups;
        } catch (SQLException e) {
            throw new UncategorizedSQLException("counting summarised customers", SUMMARISED_COUNTS, e);
        }
    }

    private static List<SummaryGroup> countSummarised(Connection connection, LifecycleQuery query) throws SQLException {
        List<SummaryGroup> groups = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(SUMMARISED_COUNTS.formatted(
                memberSince(query).column(), memberSince(query).join()))) {
            statement.setObject(1, utc(query.until()));
            statement.setArray(2, SqlArrays.timestampArray(connection, query.boundaries()));
            statement.setString(3, query.customers().segment());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    groups.add(new SummaryGroup(
                            rows.getString(1),
                            instant(rows, 2),
                            instant(rows, 3),
                            instant(rows, 4),
                            rows.getLong(5),
                            instant(rows, 6)));
                }
            }
        }
        return groups;
    }

    private static void countInStretches(Connection connection, LifecycleQuery query, LifecycleSink sink)
            throws SQLException {
        Kept settings = keptSettings(connection);
        boolean kept = settings != null && query.usesKeptSpells(settings.window(), settings.activityTypes());
        MemberSince memberSince = memberSince(query);
        try (Statement memory = connection.createStatement()) {
            memory.execute(GROUPING_MEMORY);
        }
        try (PreparedStatement statement = connection.prepareStatement(STRETCH_COUNTS.formatted(
                memberSince.column(), PACKED, kept ? KEPT_ACTIVITY : ACTIVITY_FROM_EVENTS, memberSince.join()))) {
            statement.setObject(1, utc(query.until()));
            statement.setArray(2, SqlArrays.timestampArray(connection, query.boundaries()));
            statement.setString(3, query.customers().segment());
            if (!kept) {
                statement.setLong(4, query.inactivityWindow().toSeconds());
                statement.setArray(
                        5, SqlArrays.textArray(connection, List.copyOf(query.activityTypes()), EventType::name));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    sink.add(lifecycleInStretches(query, rows), rows.getLong(6));
                }
            }
        }
    }

    private static Lifecycle lifecycleInStretches(LifecycleQuery query, ResultSet row) throws SQLException {
        int acquisition = row.getInt(2);
        int member = row.getInt(3);
        Integer memberStretch = row.wasNull() ? null : member;
        java.sql.Array packed = row.getArray(5);
        Integer[] later = packed == null ? new Integer[0] : (Integer[]) packed.getArray();
        int[] starts = new int[1 + later.length];
        int[] ends = new int[1 + later.length];
        starts[0] = acquisition;
        ends[0] = row.getInt(4);
        for (int i = 0; i < later.length; i++) {
            starts[i + 1] = later[i] / PACKED;
            ends[i + 1] = later[i] % PACKED;
        }
        return query.lifecycleInStretches(row.getString(1), acquisition, memberStretch, starts, ends);
    }

    private static Kept keptSettings(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(ActivitySpellSettings.SELECT)) {
            return row.next() ? ActivitySpellSettings.read(row, 0) : null;
        }
    }

    private static void stream(
            Connection connection, LifecycleQuery query, String customerCondition, LifecycleSink sink)
            throws SQLException {
        OffsetDateTime until = utc(query.until());
        List<EventType> types = List.copyOf(query.eventTypes());
        try (PreparedStatement statement = connection.prepareStatement(EVENTS_OF_CUSTOMERS.formatted(
                memberSince(query).column(), memberSince(query).join(), customerCondition))) {
            statement.setFetchSize(FETCH_SIZE);
            statement.setArray(1, SqlArrays.textArray(connection, types, EventType::name));
            statement.setObject(2, until);
            statement.setString(3, query.customers().segment());
            statement.setString(4, query.customers().segment());
            if (customerCondition.contains("?")) {
                statement.setObject(5, until);
                statement.setObject(6, until);
            }
            try (ResultSet rows = statement.executeQuery()) {
                readLifecycles(rows, query, sink);
            }
        }
    }

    private static void readLifecycles(ResultSet rows, LifecycleQuery query, LifecycleSink sink) throws SQLException {
        UUID current = null;
        String segment = null;
        Instant acquiredAt = null;
        Instant memberSince = null;
        List<StatusChange> events = new ArrayList<>();
        while (rows.next()) {
            UUID id = rows.getObject(1, UUID.class);
            if (!id.equals(current)) {
                if (current != null) {
                    query.lifecycle(segment, acquiredAt, memberSince, events)
                            .ifPresent(lifecycle -> sink.add(lifecycle, 1));
                }
                current = id;
                segment = rows.getString(2);
                long acquired = rows.getLong(3);
                acquiredAt = rows.wasNull() ? null : instant(acquired);
                memberSince = instant(rows, 6);
                events = new ArrayList<>();
            }
            String type = rows.getString(4);
            if (type != null) {
                events.add(new StatusChange(instant(rows.getLong(5)), EventType.valueOf(type)));
            }
        }
        if (current != null) {
            query.lifecycle(segment, acquiredAt, memberSince, events).ifPresent(lifecycle -> sink.add(lifecycle, 1));
        }
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        long epochMicros = rows.getLong(column);
        return rows.wasNull() ? null : instant(epochMicros);
    }

    private static Instant instant(long epochMicros) {
        return Instant.EPOCH.plus(epochMicros, ChronoUnit.MICROS);
    }
}
