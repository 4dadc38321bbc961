package dev.retention.persistence.loyalty;

import static dev.retention.persistence.shared.SqlTimes.utc;

import dev.retention.domain.loyalty.LoyaltyFigures;
import dev.retention.domain.loyalty.PointsFlow;
import dev.retention.domain.metrics.ReportingPeriods;
import dev.retention.persistence.shared.SqlArrays;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Tier sizes from the accounts, and the ledger's points summed by type into the periods of a report. */
@Repository
class LoyaltyFiguresPersistenceAdapter implements LoyaltyFigures {

    /** Parameters: boundaries, start, end. */
    private static final String PER_PERIOD = """
            select width_bucket(occurred_at, ?) as bucket,
                   coalesce(sum(points) filter (where type = 'EARN'), 0) as earned,
                   coalesce(-sum(points) filter (where type = 'REDEEM'), 0) as redeemed,
                   coalesce(-sum(points) filter (where type = 'EXPIRE'), 0) as expired,
                   coalesce(-sum(points) filter (where type = 'CLAWBACK'), 0) as clawed_back,
                   coalesce(sum(points) filter (where type = 'ADJUST'), 0) as adjusted
            from loyalty_transaction
            where occurred_at >= ? and occurred_at < ?
            group by 1
            """;

    private final JdbcTemplate jdbc;

    LoyaltyFiguresPersistenceAdapter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Long> membersByTier() {
        Map<String, Long> members = new LinkedHashMap<>();
        jdbc.query("select tier, count(*) from loyalty_account group by tier order by tier", row -> {
            members.put(row.getString(1), row.getLong(2));
        });
        return members;
    }

    @Override
    @Transactional(readOnly = true)
    public List<PointsFlow> perPeriod(ReportingPeriods periods) {
        List<PointsFlow> flows = new ArrayList<>(Collections.nCopies(periods.size(), PointsFlow.NONE));
        jdbc.execute((Connection connection) -> {
            try (var statement = connection.prepareStatement(PER_PERIOD)) {
                statement.setArray(1, SqlArrays.timestampArray(connection, periods.boundaries()));
                statement.setObject(2, utc(periods.start()));
                statement.setObject(3, utc(periods.end()));
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        flows.set(
                                row.getInt("bucket") - 1,
                                new PointsFlow(
                                        row.getLong("earned"),
                                        row.getLong("redeemed"),
                                        row.getLong("expired"),
                                        row.getLong("clawed_back"),
                                        row.getLong("adjusted")));
                    }
                }
            }
            return null;
        });
        return flows;
    }
}
