package dev.retention.persistence.rfm;

import static dev.retention.persistence.shared.SqlTimes.utc;

import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.rfm.RfmCell;
import dev.retention.domain.rfm.RfmQuery;
import dev.retention.domain.rfm.RfmScore;
import dev.retention.domain.rfm.RfmScores;
import dev.retention.domain.rfm.RfmSegment;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import dev.retention.persistence.shared.SqlArrays;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scores every customer in one statement: figures per customer from the PURCHASE and REFUND events in the window,
 * NTILE(5) per figure, and the segment from the (R, F) table of {@link RfmSegment}, passed in as arrays so that the
 * rule lives in one place.
 */
@Repository
class RfmPersistenceAdapter implements RfmScores {

    /** Parameters: window start, as of, then the segment table's r, f and segment arrays. */
    private static final String SEGMENTED = """
            with q as (select ?::timestamptz as from_at, ?::timestamptz as as_of),
            figures as (
                select e.customer_id,
                       max(e.occurred_at) filter (where e.type = 'PURCHASE') as last_purchase,
                       count(*) filter (where e.type = 'PURCHASE') as frequency,
                       sum(net_revenue(e.type, e.amount)) as monetary
                from customer_event e, q
                where e.type in ('PURCHASE', 'REFUND') and e.occurred_at > q.from_at and e.occurred_at <= q.as_of
                group by e.customer_id
                having count(*) filter (where e.type = 'PURCHASE') > 0
            ), scored as (
                select figures.*,
                       ntile(5) over (order by last_purchase, customer_id) as r,
                       ntile(5) over (order by frequency, customer_id) as f,
                       ntile(5) over (order by monetary, customer_id) as m
                from figures
            ), segmented as (
                select scored.*, t.segment
                from scored join unnest(?::int[], ?::int[], ?::text[]) as t(r, f, segment)
                                 on t.r = scored.r and t.f = scored.f
            )
            """;

    private static final String SCORE_COLUMNS = "customer_id, last_purchase, frequency, monetary, r, f, m, segment";

    private final JdbcTemplate jdbc;

    RfmPersistenceAdapter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<RfmCell> cells(RfmQuery query) {
        List<RfmCell> cells = new ArrayList<>();
        query(
                query,
                "select r, f, segment, count(*), coalesce(sum(monetary), 0), sum(m) from segmented "
                        + "group by r, f, segment",
                List.of(),
                row -> cells.add(new RfmCell(
                        row.getInt(1),
                        row.getInt(2),
                        RfmSegment.valueOf(row.getString(3)),
                        row.getLong(4),
                        row.getBigDecimal(5),
                        row.getLong(6))));
        return cells;
    }

    @Override
    @Transactional(readOnly = true)
    public Page<RfmScore> members(RfmQuery query, RfmSegment segment, PageRequest page) {
        // The page carries the segment's size, so that every customer is scored once per page, not twice.
        long[] total = {-1};
        List<RfmScore> items = new ArrayList<>();
        query(
                query,
                "select " + SCORE_COLUMNS + ", count(*) over () as total from segmented where segment = ? "
                        + "order by last_purchase desc, customer_id limit ? offset ?",
                List.of(segment.name(), page.size(), page.offset()),
                row -> {
                    total[0] = row.getLong("total");
                    items.add(score(query, row));
                });
        if (total[0] < 0) {
            // A page past the end has no row to carry the size.
            total[0] = 0;
            if (page.offset() > 0) {
                query(
                        query,
                        "select count(*) from segmented where segment = ?",
                        List.of(segment.name()),
                        row -> total[0] = row.getLong(1));
            }
        }
        return new Page<>(items, page.page(), page.size(), total[0]);
    }

    @Override
    @Transactional(readOnly = true)
    public List<UUID> customerIds(RfmQuery query, Set<RfmSegment> segments) {
        List<UUID> ids = new ArrayList<>();
        // One array parameter: List.of(array) would spread the array into one parameter per segment.
        Object segmentNames = segments.stream().map(Enum::name).toArray(String[]::new);
        query(
                query,
                "select customer_id from segmented where segment = any (?::text[])",
                List.of(segmentNames),
                row -> ids.add(row.getObject(1, UUID.class)));
        return ids;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<RfmScore> of(RfmQuery query, CustomerId customerId) {
        List<RfmScore> found = new ArrayList<>();
        query(
                query,
                "select " + SCORE_COLUMNS + " from segmented where customer_id = ?",
                List.of(customerId.value()),
                row -> found.add(score(query, row)));
        return found.stream().findFirst();
    }

    private interface RowReader {

        void read(ResultSet row) throws SQLException;
    }

    private void query(RfmQuery query, String select, List<Object> parameters, RowReader reader) {
        List<Integer> rs = new ArrayList<>();
        List<Integer> fs = new ArrayList<>();
        List<String> segments = new ArrayList<>();
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                rs.add(r);
                fs.add(f);
                segments.add(RfmSegment.of(r, f).name());
            }
        }
        jdbc.execute((Connection connection) -> {
            try (PreparedStatement statement = connection.prepareStatement(SEGMENTED + select)) {
                statement.setObject(1, utc(query.windowStart()));
                statement.setObject(2, utc(query.asOf()));
                statement.setArray(3, SqlArrays.textArray(connection, rs, r -> r));
                statement.setArray(4, SqlArrays.textArray(connection, fs, f -> f));
                statement.setArray(5, SqlArrays.textArray(connection, segments, s -> s));
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setObject(6 + i, parameters.get(i));
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        reader.read(rows);
                    }
                }
            }
            return null;
        });
    }

    private static RfmScore score(RfmQuery query, ResultSet row) throws SQLException {
        Instant last = row.getObject("last_purchase", OffsetDateTime.class).toInstant();
        return new RfmScore(
                row.getObject("customer_id", UUID.class),
                last,
                Duration.between(last, query.asOf()).toDays(),
                row.getLong("frequency"),
                row.getBigDecimal("monetary"),
                row.getInt("r"),
                row.getInt("f"),
                row.getInt("m"),
                RfmSegment.valueOf(row.getString("segment")));
    }
}
