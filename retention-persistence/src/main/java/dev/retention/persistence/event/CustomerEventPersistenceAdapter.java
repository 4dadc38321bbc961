package dev.retention.persistence.event;

import static dev.retention.persistence.shared.SqlTimes.utc;

import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.event.Conversion;
import dev.retention.domain.event.CustomerEvent;
import dev.retention.domain.event.CustomerEvents;
import dev.retention.domain.event.EventKeyRef;
import dev.retention.domain.event.EventType;
import dev.retention.domain.event.OrderLine;
import dev.retention.domain.shared.Money;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import dev.retention.persistence.shared.JsonColumns;
import dev.retention.persistence.shared.SqlArrays;
import dev.retention.persistence.shared.SqlNumbers;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Events go through plain JDBC: thousands of rows per request move in one {@code insert ... select from unnest}
 * statement instead of one round trip per row. Columns {@code amount} and {@code currency} hold the amount in the
 * reporting currency, the one every figure adds up; an amount sent in another currency is kept in the
 * {@code original_} columns with the rate that converted it.
 */
@Repository
class CustomerEventPersistenceAdapter implements CustomerEvents {

    private static final String COLUMNS = "e.id, e.customer_id, e.type, e.occurred_at, e.amount, e.currency, "
            + "e.original_amount, e.original_currency, e.fx_rate, e.fx_rate_date, "
            + "e.product_id, e.properties::text as properties, e.event_key, e.recorded_at, "
            + "(select jsonb_agg(jsonb_build_object('p', l.product_id, 'q', l.quantity, 'u', l.unit_price::text) "
            + "order by l.line_no)::text from customer_event_line l where l.event_id = e.id) as lines";

    private static final RowMapper<CustomerEvent> ROW = CustomerEventPersistenceAdapter::toEvent;

    private final JdbcTemplate jdbc;

    CustomerEventPersistenceAdapter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public Set<EventKeyRef> insertNew(List<CustomerEvent> events) {
        if (events.isEmpty()) {
            return Set.of();
        }
        return jdbc.execute((Connection connection) -> {
            try (var statement = connection.prepareStatement("""
                    insert into customer_event (id, customer_id, type, occurred_at, amount, currency, product_id,
                                                properties, event_key, recorded_at, original_amount,
                                                original_currency, fx_rate, fx_rate_date)
                    select id::uuid, customer_id::uuid, type, occurred_at::timestamptz, amount::numeric, currency,
                           product_id, properties::jsonb, event_key, recorded_at::timestamptz,
                           original_amount::numeric, original_currency, fx_rate::numeric, fx_rate_date::date
                    from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                         as e(id, customer_id, type, occurred_at, amount, currency, product_id, properties,
                              event_key, recorded_at, original_amount, original_currency, fx_rate, fx_rate_date)
                    on conflict (customer_id, event_key) do nothing
                    returning customer_id, event_key
                    """)) {
                statement.setArray(1, SqlArrays.textArray(connection, events, CustomerEvent::id));
                statement.setArray(2, SqlArrays.textArray(connection, events, CustomerEvent::customerId));
                statement.setArray(3, SqlArrays.textArray(connection, events, CustomerEvent::type));
                statement.setArray(4, SqlArrays.textArray(connection, events, CustomerEvent::occurredAt));
                statement.setArray(
                        5,
                        SqlArrays.textArray(
                                connection,
                                events,
                                e -> e.amount() == null
                                        ? null
                                        : e.reportingAmount().amount().toPlainString()));
                statement.setArray(
                        6,
                        SqlArrays.textArray(
                                connection,
                                events,
                                e -> e.amount() == null
                                        ? null
                                        : e.reportingAmount().currency().getCurrencyCode()));
                statement.setArray(7, SqlArrays.textArray(connection, events, CustomerEvent::productId));
                statement.setArray(8, SqlArrays.textArray(connection, events, e -> JsonColumns.write(e.properties())));
                statement.setArray(9, SqlArrays.textArray(connection, events, CustomerEvent::eventKey));
                statement.setArray(10, SqlArrays.textArray(connection, events, CustomerEvent::recordedAt));
                statement.setArray(
                        11,
                        SqlArrays.textArray(
                                connection,
                                events,
                                e -> converted(e, c -> e.amount().amount().toPlainString())));
                statement.setArray(
                        12,
                        SqlArrays.textArray(
                                connection,
                                events,
                                e -> converted(e, c -> e.amount().currency().getCurrencyCode())));
                statement.setArray(
                        13,
                        SqlArrays.textArray(
                                connection,
                                events,
                                e -> converted(e, c -> c.rate().toPlainString())));
                statement.setArray(
                        14, SqlArrays.textArray(connection, events, e -> converted(e, Conversion::rateDate)));
                Set<EventKeyRef> inserted = new HashSet<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        inserted.add(new EventKeyRef(CustomerId.of(rows.getObject(1, UUID.class)), rows.getString(2)));
                    }
                }
                insertLines(
                        connection,
                        events.stream()
                                .filter(event -> !event.lines().isEmpty() && inserted.contains(EventKeyRef.of(event)))
                                .toList());
                return inserted;
            }
        });
    }

    private static void insertLines(Connection connection, List<CustomerEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        record Line(UUID event, int number, OrderLine line) {}
        List<Line> lines = new ArrayList<>();
        for (CustomerEvent event : events) {
            for (int i = 0; i < event.lines().size(); i++) {
                lines.add(new Line(event.id(), i + 1, event.lines().get(i)));
            }
        }
        try (var statement = connection.prepareStatement("""
                insert into customer_event_line (event_id, line_no, product_id, quantity, unit_price)
                select event_id::uuid, line_no::integer, product_id, quantity::bigint, unit_price::numeric
                from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                     as l(event_id, line_no, product_id, quantity, unit_price)
                """)) {
            statement.setArray(1, SqlArrays.textArray(connection, lines, Line::event));
            statement.setArray(2, SqlArrays.textArray(connection, lines, Line::number));
            statement.setArray(
                    3,
                    SqlArrays.textArray(connection, lines, line -> line.line().productId()));
            statement.setArray(
                    4,
                    SqlArrays.textArray(connection, lines, line -> line.line().quantity()));
            statement.setArray(
                    5,
                    SqlArrays.textArray(
                            connection, lines, line -> line.line().unitPrice().toPlainString()));
            statement.executeUpdate();
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Map<EventKeyRef, CustomerEvent> findByKeys(Collection<EventKeyRef> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        List<EventKeyRef> list = List.copyOf(keys);
        return jdbc.execute((Connection connection) -> {
            try (var statement = connection.prepareStatement("select " + COLUMNS + """
                     from customer_event e
                     join unnest(?::uuid[], ?::text[]) as k(customer_id, event_key)
                       on e.customer_id = k.customer_id and e.event_key = k.event_key
                    """)) {
                statement.setArray(1, SqlArrays.textArray(connection, list, EventKeyRef::customerId));
                statement.setArray(2, SqlArrays.textArray(connection, list, EventKeyRef::eventKey));
                Map<EventKeyRef, CustomerEvent> found = new HashMap<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        CustomerEvent event = toEvent(rows, 0);
                        found.put(EventKeyRef.of(event), event);
                    }
                }
                return found;
            }
        });
    }

    @Override
    @Transactional(readOnly = true)
    public Page<CustomerEvent> history(CustomerId customerId, Instant from, Instant to, PageRequest page) {
        String where = " from customer_event e where e.customer_id = ?"
                + " and e.occurred_at >= coalesce(?::timestamptz, '-infinity')"
                + " and e.occurred_at < coalesce(?::timestamptz, 'infinity')";
        Object[] arguments = {customerId.value(), utc(from), utc(to)};
        Long total = jdbc.queryForObject("select count(*)" + where, Long.class, arguments);
        List<CustomerEvent> items = jdbc.query(
                "select " + COLUMNS + where + " order by e.occurred_at, e.id limit ? offset ?",
                ROW,
                customerId.value(),
                utc(from),
                utc(to),
                page.size(),
                page.offset());
        return new Page<>(items, page.page(), page.size(), total == null ? 0 : total);
    }

    private static <T> T converted(CustomerEvent event, Function<Conversion, T> part) {
        return event.conversion() == null ? null : part.apply(event.conversion());
    }

    private static CustomerEvent toEvent(ResultSet row, int rowNumber) throws SQLException {
        Money stored = money(row.getBigDecimal("amount"), row.getString("currency"));
        Money original = money(row.getBigDecimal("original_amount"), row.getString("original_currency"));
        Conversion conversion = original == null
                ? null
                : new Conversion(
                        stored,
                        SqlNumbers.plain(row.getBigDecimal("fx_rate")),
                        row.getObject("fx_rate_date", LocalDate.class));
        return new CustomerEvent(
                row.getObject("id", UUID.class),
                CustomerId.of(row.getObject("customer_id", UUID.class)),
                EventType.valueOf(row.getString("type")),
                row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                original == null ? stored : original,
                conversion,
                row.getString("product_id"),
                JsonColumns.readObject(row.getString("properties")),
                row.getString("event_key"),
                row.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                lines(row.getString("lines")));
    }

    private static List<OrderLine> lines(String json) {
        if (json == null) {
            return List.of();
        }
        return JsonColumns.readObjects(json).stream()
                .map(line -> new OrderLine(
                        (String) line.get("p"),
                        ((Number) line.get("q")).longValue(),
                        SqlNumbers.plain(new BigDecimal((String) line.get("u")))))
                .toList();
    }

    private static Money money(BigDecimal amount, String currency) {
        return amount == null ? null : Money.of(SqlNumbers.plain(amount), Currency.getInstance(currency));
    }
}
