package dev.retention.persistence.metrics;

import dev.retention.domain.event.EventType;
import dev.retention.domain.metrics.CustomerLifecycles;
import dev.retention.domain.metrics.Lifecycle;
import dev.retention.domain.metrics.LifecycleQuery;
import dev.retention.domain.metrics.StatusChange;
import dev.retention.persistence.shared.SqlArrays;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Streams each customer with the few events its lifecycle depends on, ordered by customer, through a server-side
 * cursor, and hands one lifecycle at a time to the consumer.
 */
@Repository
class CustomerLifecycleJdbcRepository implements CustomerLifecycles {

    private static final int FETCH_SIZE = 10_000;

    private final JdbcTemplate jdbc;

    CustomerLifecycleJdbcRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public void forEach(LifecycleQuery query, Consumer<Lifecycle> consumer) {
        List<EventType> types = List.copyOf(query.eventTypes());
        OffsetDateTime until = query.until().atOffset(ZoneOffset.UTC);
        jdbc.execute((Connection connection) -> {
            try (var statement = connection.prepareStatement("""
                    select c.id, c.segment, c.acquired_at, e.type, e.occurred_at
                    from customer c
                    left join customer_event e
                           on e.customer_id = c.id and e.type = any (?::text[]) and e.occurred_at < ?
                    where (c.acquired_at < ? or c.acquired_at is null)
                      and (?::text is null or c.segment = ?::text)
                    order by c.id, e.occurred_at
                    """)) {
                statement.setFetchSize(FETCH_SIZE);
                statement.setArray(1, SqlArrays.textArray(connection, types, EventType::name));
                statement.setObject(2, until);
                statement.setObject(3, until);
                statement.setString(4, query.segment());
                statement.setString(5, query.segment());
                try (ResultSet rows = statement.executeQuery()) {
                    stream(rows, query, consumer);
                }
            }
            return null;
        });
    }

    private static void stream(ResultSet rows, LifecycleQuery query, Consumer<Lifecycle> consumer)
            throws java.sql.SQLException {
        UUID current = null;
        String segment = null;
        Instant acquiredAt = null;
        List<StatusChange> events = new ArrayList<>();
        while (rows.next()) {
            UUID id = rows.getObject(1, UUID.class);
            if (!id.equals(current)) {
                if (current != null) {
                    query.lifecycle(segment, acquiredAt, events).ifPresent(consumer);
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
            query.lifecycle(segment, acquiredAt, events).ifPresent(consumer);
        }
    }
}
