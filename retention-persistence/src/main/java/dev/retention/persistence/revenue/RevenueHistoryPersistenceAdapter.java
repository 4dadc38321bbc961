package dev.retention.persistence.revenue;

import static dev.retention.persistence.shared.SqlTimes.utc;

import dev.retention.domain.metrics.Granularity;
import dev.retention.domain.revenue.CustomerRevenueHistory;
import dev.retention.domain.revenue.RevenueHistories;
import dev.retention.persistence.shared.SqlTimes;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Net revenue per customer and period in one statement, grouped by the local date of each event truncated to the
 * period (date_trunc agrees with {@link Granularity#periodStart}: ISO weeks start on Monday), streamed customer by
 * customer. Customers whose only positive revenue lies before the first period asked for are not handed over: they
 * count in no period.
 */
@Repository
class RevenueHistoryPersistenceAdapter implements RevenueHistories {

    private static final int FETCH_SIZE = 10_000;

    /** Parameters: unit, zone, end, segment (twice), first period, first period. */
    private static final String HISTORIES = """
            with per_period as (
                select e.customer_id, date_trunc(?, e.occurred_at at time zone ?)::date as period_start,
                       sum(net_revenue(e.type, e.amount)) as revenue
                from customer_event e
                where e.type in ('PURCHASE', 'REFUND') and e.occurred_at < ?
                  and (?::text is null
                       or e.customer_id in (select c.id from customer c where c.segment = ?::text))
                group by 1, 2
            )
            select p.customer_id, c.segment, p.period_start, p.revenue,
                   bool_or(p.period_start < ? and p.revenue > 0) over (partition by p.customer_id) as positive_before
            from per_period p
            join customer c on c.id = p.customer_id
            order by p.customer_id
            """;

    private final JdbcTemplate jdbc;

    RevenueHistoryPersistenceAdapter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public void forEach(Query query, Consumer<CustomerRevenueHistory> sink) {
        jdbc.execute((Connection connection) -> {
            try (var statement = connection.prepareStatement(HISTORIES)) {
                statement.setFetchSize(FETCH_SIZE);
                statement.setString(1, unit(query.granularity()));
                statement.setString(2, SqlTimes.zoneName(query.zone()));
                statement.setObject(3, utc(query.end()));
                statement.setString(4, query.segment());
                statement.setString(5, query.segment());
                statement.setObject(6, query.firstPeriod());
                try (ResultSet rows = statement.executeQuery()) {
                    stream(rows, query.firstPeriod(), sink);
                }
            }
            return null;
        });
    }

    private static void stream(ResultSet rows, LocalDate firstPeriod, Consumer<CustomerRevenueHistory> sink)
            throws java.sql.SQLException {
        UUID customer = null;
        String segment = null;
        boolean positiveBefore = false;
        Map<LocalDate, BigDecimal> revenue = new HashMap<>();
        while (rows.next()) {
            UUID next = rows.getObject("customer_id", UUID.class);
            if (!next.equals(customer)) {
                handOver(customer, segment, revenue, positiveBefore, sink);
                customer = next;
                segment = rows.getString("segment");
                revenue = new HashMap<>();
                positiveBefore = rows.getBoolean("positive_before");
            }
            LocalDate period = rows.getObject("period_start", LocalDate.class);
            if (!period.isBefore(firstPeriod)) {
                revenue.put(period, rows.getBigDecimal("revenue"));
            }
        }
        handOver(customer, segment, revenue, positiveBefore, sink);
    }

    private static void handOver(
            UUID customer,
            String segment,
            Map<LocalDate, BigDecimal> revenue,
            boolean positiveBefore,
            Consumer<CustomerRevenueHistory> sink) {
        if (customer != null && !revenue.isEmpty()) {
            sink.accept(new CustomerRevenueHistory(customer, segment, revenue, positiveBefore));
        }
    }

    private static String unit(Granularity granularity) {
        return switch (granularity) {
            case DAY -> "day";
            case WEEK -> "week";
            case MONTH -> "month";
            case QUARTER -> "quarter";
            case YEAR -> "year";
        };
    }
}
