package dev.retention.persistence.revenue;

import static dev.retention.persistence.shared.SqlTimes.utc;

import dev.retention.domain.revenue.CustomerSubscriptions;
import dev.retention.domain.revenue.SubscriptionHistories;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SUBSCRIPTION events of every customer, streamed customer by customer in the order they took effect (time, then
 * the order they were recorded in). Subscriptions change rarely, so they are read as they are.
 */
@Repository
class SubscriptionHistoryPersistenceAdapter implements SubscriptionHistories {

    private static final int FETCH_SIZE = 10_000;

    private static final String CHANGES = """
            select e.customer_id, c.segment, e.occurred_at, e.amount
            from customer_event e
            join customer c on c.id = e.customer_id
            where e.type = 'SUBSCRIPTION' and e.occurred_at < ? and (?::text is null or c.segment = ?::text)
            order by e.customer_id, e.occurred_at, e.recorded_at, e.id
            """;

    private final JdbcTemplate jdbc;

    SubscriptionHistoryPersistenceAdapter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public void forEach(Instant end, String segment, Consumer<CustomerSubscriptions> sink) {
        jdbc.execute((Connection connection) -> {
            try (var statement = connection.prepareStatement(CHANGES)) {
                statement.setFetchSize(FETCH_SIZE);
                statement.setObject(1, utc(end));
                statement.setString(2, segment);
                statement.setString(3, segment);
                try (ResultSet rows = statement.executeQuery()) {
                    stream(rows, sink);
                }
            }
            return null;
        });
    }

    private static void stream(ResultSet rows, Consumer<CustomerSubscriptions> sink) throws SQLException {
        UUID customer = null;
        String segment = null;
        List<CustomerSubscriptions.Change> changes = new ArrayList<>();
        while (rows.next()) {
            UUID next = rows.getObject("customer_id", UUID.class);
            if (!next.equals(customer)) {
                if (customer != null) {
                    sink.accept(new CustomerSubscriptions(customer, segment, changes));
                }
                customer = next;
                segment = rows.getString("segment");
                changes = new ArrayList<>();
            }
            changes.add(new CustomerSubscriptions.Change(
                    rows.getObject("occurred_at", OffsetDateTime.class).toInstant(), rows.getBigDecimal("amount")));
        }
        if (customer != null) {
            sink.accept(new CustomerSubscriptions(customer, segment, changes));
        }
    }
}
