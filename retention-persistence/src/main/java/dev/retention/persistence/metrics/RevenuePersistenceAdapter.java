package dev.retention.persistence.metrics;

import static dev.retention.persistence.shared.SqlTimes.utc;

import dev.retention.domain.metrics.CustomerFilter;
import dev.retention.domain.metrics.ReportingPeriods;
import dev.retention.domain.metrics.Revenues;
import dev.retention.persistence.shared.SqlArrays;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Sums purchases minus refunds per period in one query, bucketing by the period boundaries. */
@Repository
class RevenuePersistenceAdapter implements Revenues {

    /** How rows are grouped besides the period: by segment, or by acquisition cohort. */
    private interface GroupKey<K> {

        K read(ResultSet row) throws SQLException;
    }

    private static final long QUARTER_HOUR_SECONDS = 15 * 60;

    /** Parameters: boundaries, start, end. */
    private static final String FROM_EVENTS = """
            select width_bucket(e.occurred_at, ?) as bucket,
                   sum(net_revenue(e.type, e.amount)) as revenue
            from customer_event e
            where e.type in ('PURCHASE', 'REFUND') and e.occurred_at >= ? and e.occurred_at < ?
            group by 1
            """;

    /** The same from the quarter-hour totals kept by the database; exact when every boundary is a quarter hour. */
    private static final String FROM_QUARTER_HOURS = """
            select width_bucket(r.bucket, ?) as bucket, sum(r.revenue) as revenue
            from revenue_by_quarter_hour r
            where r.bucket >= ? and r.bucket < ?
            group by 1
            """;

    private final JdbcTemplate jdbc;

    RevenuePersistenceAdapter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<BigDecimal> total(ReportingPeriods periods, CustomerFilter customers) {
        if (!customers.isAll()) {
            List<BigDecimal> total = zeros(periods.size());
            perPeriod(periods, customers).values().forEach(series -> {
                for (int i = 0; i < series.size(); i++) {
                    total.set(i, total.get(i).add(series.get(i)));
                }
            });
            return total;
        }
        boolean quarterHours = periods.boundaries().stream()
                .allMatch(boundary -> boundary.getEpochSecond() % QUARTER_HOUR_SECONDS == 0);
        String source = quarterHours ? FROM_QUARTER_HOURS : FROM_EVENTS;
        return jdbc.execute((Connection connection) -> {
            try (var statement = connection.prepareStatement(source)) {
                statement.setArray(1, SqlArrays.timestampArray(connection, periods.boundaries()));
                statement.setObject(2, utc(periods.start()));
                statement.setObject(3, utc(periods.end()));
                List<BigDecimal> revenue = zeros(periods.size());
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        revenue.set(rows.getInt(1) - 1, rows.getBigDecimal(2));
                    }
                }
                return revenue;
            }
        });
    }

    /**
     * Per group ({@code %1$s}) and period; with a membership, a customer's revenue counts where {@code a.enrolled_at}
     * lies before the start of the period that {@code %2$s} names (a 1-based index into the boundaries), the SQL form of
     * {@link dev.retention.domain.metrics.Membership#includes}. Parameters: boundaries, start, end, segment,
     * membership.
     */
    private static final String BY_GROUP_AND_PERIOD = """
            with q as (select ?::timestamptz[] as boundaries, ?::timestamptz as start_at, ?::timestamptz as end_at,
                              ?::text as segment, ?::text as membership)
            select %1$s as grouping, width_bucket(e.occurred_at, q.boundaries) as bucket,
                   sum(net_revenue(e.type, e.amount)) as revenue
            from q
            cross join customer_event e
            join customer c on c.id = e.customer_id
            left join loyalty_account a on q.membership is not null and a.customer_id = c.id
            where e.type in ('PURCHASE', 'REFUND') and e.occurred_at >= q.start_at and e.occurred_at < q.end_at
              and (q.segment is null or c.segment = q.segment)
              and (q.membership is null
                   or (q.membership = 'MEMBER') = coalesce(a.enrolled_at < q.boundaries[%2$s], false))
              %3$s
            group by 1, 2
            """;

    @Override
    @Transactional(readOnly = true)
    public Map<String, List<BigDecimal>> perPeriod(ReportingPeriods periods, CustomerFilter customers) {
        return sum(
                periods,
                customers,
                BY_GROUP_AND_PERIOD.formatted("c.segment", "width_bucket(e.occurred_at, q.boundaries)", ""),
                row -> row.getString(1));
    }

    /** A cohort's membership is fixed at the start of the period after its acquisition period. */
    @Override
    @Transactional(readOnly = true)
    public Map<Integer, List<BigDecimal>> perCohortAndPeriod(ReportingPeriods periods, CustomerFilter customers) {
        return sum(
                periods,
                customers,
                BY_GROUP_AND_PERIOD.formatted(
                        "width_bucket(c.acquired_at, q.boundaries)",
                        "width_bucket(c.acquired_at, q.boundaries) + 1",
                        "and c.acquired_at >= q.start_at and c.acquired_at < q.end_at"),
                row -> row.getInt(1) - 1);
    }

    private <K> Map<K, List<BigDecimal>> sum(
            ReportingPeriods periods, CustomerFilter customers, String query, GroupKey<K> key) {
        return jdbc.execute((Connection connection) -> {
            try (var statement = connection.prepareStatement(query)) {
                statement.setArray(1, SqlArrays.timestampArray(connection, periods.boundaries()));
                statement.setObject(2, utc(periods.start()));
                statement.setObject(3, utc(periods.end()));
                statement.setString(4, customers.segment());
                statement.setString(5, customers.membershipName());
                Map<K, List<BigDecimal>> revenue = new HashMap<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        List<BigDecimal> series = revenue.computeIfAbsent(key.read(rows), k -> zeros(periods.size()));
                        series.set(rows.getInt(2) - 1, rows.getBigDecimal(3));
                    }
                }
                return revenue;
            }
        });
    }

    private static List<BigDecimal> zeros(int size) {
        return new ArrayList<>(Collections.nCopies(size, BigDecimal.ZERO));
    }
}
