package dev.retention.persistence.metrics;

import dev.retention.domain.metrics.ReportingPeriods;
import dev.retention.domain.metrics.Revenues;
import dev.retention.persistence.shared.SqlArrays;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Sums purchases minus refunds per period and segment in one query, bucketing by the period boundaries. */
@Repository
class RevenueJdbcRepository implements Revenues {

    private final JdbcTemplate jdbc;

    RevenueJdbcRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, List<BigDecimal>> perPeriod(ReportingPeriods periods, String segment) {
        List<Instant> boundaries = periods.boundaries();
        return jdbc.execute((Connection connection) -> {
            try (var statement = connection.prepareStatement("""
                    select c.segment, width_bucket(e.occurred_at, ?::timestamptz[]) as bucket,
                           sum(case when e.type = 'PURCHASE' then e.amount else -e.amount end) as revenue
                    from customer_event e
                    join customer c on c.id = e.customer_id
                    where e.type in ('PURCHASE', 'REFUND')
                      and e.occurred_at >= ? and e.occurred_at < ?
                      and (?::text is null or c.segment = ?::text)
                    group by c.segment, bucket
                    """)) {
                statement.setArray(1, SqlArrays.textArray(connection, boundaries, Instant::toString));
                statement.setObject(2, periods.start().atOffset(ZoneOffset.UTC));
                statement.setObject(3, periods.end().atOffset(ZoneOffset.UTC));
                statement.setString(4, segment);
                statement.setString(5, segment);
                Map<String, List<BigDecimal>> revenue = new HashMap<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        List<BigDecimal> series = revenue.computeIfAbsent(rows.getString(1),
                                key -> new ArrayList<>(Collections.nCopies(periods.size(), BigDecimal.ZERO)));
                        series.set(rows.getInt(2) - 1, rows.getBigDecimal(3));
                    }
                }
                return revenue;
            }
        });
    }
}
