package dev.retention.persistence.metrics;

import dev.retention.domain.event.EventType;
import dev.retention.domain.metrics.CustomerLifecycles;
import dev.retention.domain.metrics.LifecycleQuery;
import dev.retention.domain.metrics.LifecycleSink;
import dev.retention.domain.metrics.StatusChange;
import dev.retention.persistence.shared.SqlArrays;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Streams each customer with the few events its lifecycle depends on, ordered by customer, through a server-side
 * cursor, and hands one lifecycle at a time to the sink. Where the model allows, steady customers (see
 * {@link LifecycleQuery#steadyCustomersNeedNoEvents()}) are counted in the database instead, one row per segment
 * and stretch between two boundaries, and only the others are streamed.
 */
@Repository
class CustomerLifecycleJdbcRepository implements CustomerLifecycles {

    private static final int FETCH_SIZE = 10_000;

    /**
     * Customers flagged in the database as having events that may change their contractual status (a CHURNED event,
     * or an ACQUIRED event before an explicit acquisition time); see the migration that maintains the flag.
     */
    private static final String UNSTEADY = "c.lifecycle_changes";

    /** Parameters: until, segment, segment, boundaries. */
    private static final String STEADY_COUNTS = """
            select c.segment, min(c.acquired_at) as acquired_at, count(*) as customers
            from customer c
            where c.acquired_at < ? and (?::text is null or c.segment = ?::text) and not c.lifecycle_changes
            group by c.segment, width_bucket(c.acquired_at, ?)
            """;

    /** Parameters: types, until, segment, segment, then those of the customer condition. */
    private static final String EVENTS_OF_CUSTOMERS = """
            select c.id, c.segment, c.acquired_at, e.type, e.occurred_at
            from customer c
            left join customer_event e
                   on e.customer_id = c.id and e.type = any (?::text[]) and e.occurred_at < ?
            where (?::text is null or c.segment = ?::text) and %s
            order by c.id, e.occurred_at
            """;

    /** Parameters: until, until. */
    private static final String ACQUIRED_BEFORE_UNTIL = """
            (c.acquired_at < ? or exists (select 1 from customer_event x
                                          where x.customer_id = c.id and x.type = 'ACQUIRED' and x.occurred_at < ?))
            """;

    private final JdbcTemplate jdbc;

    CustomerLifecycleJdbcRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One snapshot for all statements, so that no customer is counted both as steady and among the streamed. */
    @Override
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public void forEach(LifecycleQuery query, LifecycleSink sink) {
        jdbc.execute((Connection connection) -> {
            if (query.steadyCustomersNeedNoEvents()) {
                countSteady(connection, query, sink);
                stream(connection, query, UNSTEADY, sink);
            } else {
                stream(connection, query, ACQUIRED_BEFORE_UNTIL, sink);
            }
            return null;
        });
    }

    private static void countSteady(Connection connection, LifecycleQuery query, LifecycleSink sink)
            throws SQLException {
        OffsetDateTime until = utc(query.until());
        try (PreparedStatement statement = connection.prepareStatement(STEADY_COUNTS)) {
            statement.setObject(1, until);
            statement.setString(2, query.segment());
            statement.setString(3, query.segment());
            statement.setArray(4, SqlArrays.timestampArray(connection, query.boundaries()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Instant acquiredAt = rows.getObject(2, OffsetDateTime.class).toInstant();
                    sink.add(query.steadyLifecycle(rows.getString(1), acquiredAt), rows.getLong(3));
                }
            }
        }
    }

    private static void stream(Connection connection, LifecycleQuery query, String customerCondition,
            LifecycleSink sink) throws SQLException {
        OffsetDateTime until = utc(query.until());
        List<EventType> types = List.copyOf(query.eventTypes());
        try (PreparedStatement statement = connection.prepareStatement(
                EVENTS_OF_CUSTOMERS.formatted(customerCondition))) {
            statement.setFetchSize(FETCH_SIZE);
            statement.setArray(1, SqlArrays.textArray(connection, types, EventType::name));
            statement.setObject(2, until);
            statement.setString(3, query.segment());
            statement.setString(4, query.segment());
            if (customerCondition.contains("?")) {
                statement.setObject(5, until);
                statement.setObject(6, until);
            }
            try (ResultSet rows = statement.executeQuery()) {
                readLifecycles(rows, query, sink);
            }
        }
    }

    private static void readLifecycles(ResultSet rows, LifecycleQuery query, LifecycleSink sink)
            throws SQLException {
        UUID current = null;
        String segment = null;
        Instant acquiredAt = null;
        List<StatusChange> events = new ArrayList<>();
        while (rows.next()) {
            UUID id = rows.getObject(1, UUID.class);
            if (!id.equals(current)) {
                if (current != null) {
                    query.lifecycle(segment, acquiredAt, events).ifPresent(lifecycle -> sink.add(lifecycle, 1));
                }
                current = id;
                segment = rows.getString(2);
                OffsetDateTime acquired = rows.getObject(3, OffsetDateTime.class);
                acquiredAt = acquired == null ? null : acquired.toInstant();
                events = new ArrayList<>();
            }
            String type = rows.getString(4);
            if (type != null) {
                events.add(new StatusChange(rows.getObject(5, OffsetDateTime.class).toInstant(),
                        EventType.valueOf(type)));
            }
        }
        if (current != null) {
            query.lifecycle(segment, acquiredAt, events).ifPresent(lifecycle -> sink.add(lifecycle, 1));
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
