package dev.retention.persistence.feedback;

import static dev.retention.persistence.shared.SqlTimes.utc;

import dev.retention.domain.feedback.Feedback;
import dev.retention.domain.feedback.FeedbackCounts;
import dev.retention.domain.feedback.Feedbacks;
import dev.retention.domain.metrics.ReportingPeriods;
import dev.retention.persistence.shared.SqlArrays;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class FeedbackPersistenceAdapter implements Feedbacks {

    /** Parameters: boundaries, start, end, segment, segment. */
    private static final String PER_PERIOD = """
            select width_bucket(f.occurred_at, ?) as bucket, count(*) as responses,
                   count(*) filter (where f.nps_score >= 9) as promoters,
                   count(*) filter (where f.nps_score between 7 and 8) as passives,
                   count(*) filter (where f.nps_score <= 6) as detractors,
                   count(f.csat_score) as csat_responses, coalesce(sum(f.csat_score), 0) as csat_sum
            from customer_feedback f join customer c on c.id = f.customer_id
            where f.occurred_at >= ? and f.occurred_at < ? and (?::text is null or c.segment = ?::text)
            group by 1
            """;

    private final JdbcTemplate jdbc;

    FeedbackPersistenceAdapter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void add(Feedback feedback) {
        jdbc.update(
                "insert into customer_feedback (id, customer_id, event_id, nps_score, csat_score, channel, "
                        + "comment, strategy_id, occurred_at, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                feedback.id(),
                feedback.customerId(),
                feedback.eventId(),
                feedback.npsScore(),
                feedback.csatScore(),
                feedback.channel().name(),
                feedback.comment(),
                feedback.strategyId(),
                utc(feedback.occurredAt()),
                utc(feedback.recordedAt()));
    }

    @Override
    @Transactional(readOnly = true)
    public List<FeedbackCounts> perPeriod(ReportingPeriods periods, String segment) {
        List<FeedbackCounts> counts = new ArrayList<>(Collections.nCopies(periods.size(), FeedbackCounts.NONE));
        jdbc.execute((Connection connection) -> {
            try (var statement = connection.prepareStatement(PER_PERIOD)) {
                statement.setArray(1, SqlArrays.timestampArray(connection, periods.boundaries()));
                statement.setObject(2, utc(periods.start()));
                statement.setObject(3, utc(periods.end()));
                statement.setString(4, segment);
                statement.setString(5, segment);
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        counts.set(
                                row.getInt("bucket") - 1,
                                new FeedbackCounts(
                                        row.getLong("responses"),
                                        row.getLong("promoters"),
                                        row.getLong("passives"),
                                        row.getLong("detractors"),
                                        row.getLong("csat_responses"),
                                        row.getLong("csat_sum")));
                    }
                }
            }
            return null;
        });
        return counts;
    }
}
