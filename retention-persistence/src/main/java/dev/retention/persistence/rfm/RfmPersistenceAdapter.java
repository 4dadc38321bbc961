package dev.retention.persistence.rfm;

import static dev.retention.persistence.shared.SqlTimes.utc;

import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.rfm.RfmCell;
import dev.retention.domain.rfm.RfmFigures;
import dev.retention.domain.rfm.RfmQuery;
import dev.retention.domain.rfm.RfmRanking;
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
import java.util.function.IntFunction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scores every customer in one statement, the rule of {@link RfmFigures} and {@link RfmRanking} restated in SQL: the
 * figures of the window from the purchase and refund events, then each figure's quintiles, then the segment from the
 * (R, F) table of {@link RfmSegment}, passed in as arrays.
 *
 * <p>The quintiles are {@code NTILE(5)} over (figure, customer id) without sorting every customer three times: the
 * customers are counted in narrow bands of each figure (hours of the last purchase; purchase count and the id's first
 * byte; whole units of money), which locates the band holding each of the four cut ranks; only those bands are
 * sorted, which gives the customer at each cut rank; a customer's score is then one more than the number of cuts
 * below it, found with two or three comparisons. A differential test holds this to the domain's rule.
 */
@Repository
class RfmPersistenceAdapter implements RfmScores {

    /** Parameters: window start, as of, then the segment table's r, f and segment arrays. */
    private static final String SEGMENTED =
            """
            with q as (select ?::timestamptz as from_at, ?::timestamptz as as_of),
            figures as materialized (
                select e.customer_id,
                       max(e.occurred_at) filter (where e.type = 'PURCHASE') as last_purchase,
                       count(*) filter (where e.type = 'PURCHASE') as frequency,
                       sum(net_revenue(e.type, e.amount)) as monetary
                from customer_event e, q
                where e.type in ('PURCHASE', 'REFUND') and e.occurred_at > q.from_at and e.occurred_at <= q.as_of
                group by e.customer_id
                having count(*) filter (where e.type = 'PURCHASE') > 0
            ), banded as not materialized (
                select f.*, date_bin('1 hour', f.last_purchase, timestamptz '2000-01-01Z') as r_band,
                       get_byte(uuid_send(f.customer_id), 0) as id_byte, floor(f.monetary) as m_band
                from figures f
            ), bands as materialized (
                select grouping(r_band, frequency, id_byte, m_band) as kind, r_band, frequency, id_byte, m_band,
                       count(*) as customers
                from banded
                group by grouping sets ((r_band), (frequency, id_byte), (m_band))
            ), cut_ranks as (
                select k, k * (n / 5) + least(k, n %% 5) as rank
                from (select sum(customers) filter (where kind = 7)::bigint as n from bands) total,
                     generate_series(1, 4) k
            ), r_cuts as (
                select c.k, b.r_band, c.rank - b.below as at
                from cut_ranks c
                join (select r_band, customers, sum(customers) over (order by r_band) - customers as below
                      from bands where kind = 7) b on c.rank > b.below and c.rank <= b.below + b.customers
            ), f_cuts as (
                select c.k, b.frequency, b.id_byte, c.rank - b.below as at
                from cut_ranks c
                join (select frequency, id_byte, customers,
                             sum(customers) over (order by frequency, id_byte) - customers as below
                      from bands where kind = 9) b on c.rank > b.below and c.rank <= b.below + b.customers
            ), m_cuts as (
                select c.k, b.m_band, c.rank - b.below as at
                from cut_ranks c
                join (select m_band, customers, sum(customers) over (order by m_band) - customers as below
                      from bands where kind = 14) b on c.rank > b.below and c.rank <= b.below + b.customers
            ), near_cuts as materialized (
                select b.* from banded b
                where b.r_band = any (array(select r_band from r_cuts))
                   or b.m_band = any (array(select m_band from m_cuts))
                   or (b.frequency, b.id_byte) in (select frequency, id_byte from f_cuts)
            ), r_at as (
                select array_agg(n.last_purchase order by c.k) as figure, array_agg(n.customer_id order by c.k) as id
                from r_cuts c
                join (select n.*, row_number() over (partition by r_band order by last_purchase, customer_id) as at
                      from near_cuts n) n on n.r_band = c.r_band and n.at = c.at
            ), f_at as (
                select array_agg(n.frequency order by c.k) as figure, array_agg(n.customer_id order by c.k) as id
                from f_cuts c
                join (select n.*, row_number() over (partition by frequency, id_byte order by customer_id) as at
                      from near_cuts n) n on n.frequency = c.frequency and n.id_byte = c.id_byte and n.at = c.at
            ), m_at as (
                select array_agg(n.monetary order by c.k) as figure, array_agg(n.customer_id order by c.k) as id
                from m_cuts c
                join (select n.*, row_number() over (partition by m_band order by monetary, customer_id) as at
                      from near_cuts n) n on n.m_band = c.m_band and n.at = c.at
            ), cuts as materialized (
                select r.figure[1] as r1, r.id[1] as r1_id, r.figure[2] as r2, r.id[2] as r2_id,
                       r.figure[3] as r3, r.id[3] as r3_id, r.figure[4] as r4, r.id[4] as r4_id,
                       fr.figure[1] as f1, fr.id[1] as f1_id, fr.figure[2] as f2, fr.id[2] as f2_id,
                       fr.figure[3] as f3, fr.id[3] as f3_id, fr.figure[4] as f4, fr.id[4] as f4_id,
                       m.figure[1] as m1, m.id[1] as m1_id, m.figure[2] as m2, m.id[2] as m2_id,
                       m.figure[3] as m3, m.id[3] as m3_id, m.figure[4] as m4, m.id[4] as m4_id
                from r_at r, f_at fr, m_at m
            ), scored as (
                select f.*, %s as r, %s as f, %s as m
                from figures f, cuts c
                offset 0
            ), segments as (
                select * from unnest(?::int[], ?::int[], ?::text[]) as t(r, f, segment)
            ), segmented as (
                select scored.*, t.segment from scored join segments t on t.r = scored.r and t.f = scored.f
            )
            """.formatted(quintile("last_purchase", "r"), quintile("frequency", "f"), quintile("monetary", "m"));

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
                // Counted by (R, F) before the segment is joined, so that the counting is hashed rather than sorted.
                "select c.r, c.f, t.segment, c.customers, c.revenue, c.monetary_scores "
                        + "from (select r, f, count(*) as customers, coalesce(sum(monetary), 0) as revenue, "
                        + "sum(m) as monetary_scores from scored group by r, f) c "
                        + "join segments t on t.r = c.r and t.f = c.f",
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

    /**
     * The score of figure {@code figure} of row {@code f} against the cut tuples {@code c.<cut>1} to {@code
     * c.<cut>4}: one more than the number of cuts below (figure, id), found by halving (the cuts never decrease).
     */
    private static String quintile(String figure, String cut) {
        IntFunction<String> above =
                k -> "(f.%s, f.customer_id) > (c.%s%d, c.%s%d_id)".formatted(figure, cut, k, cut, k);
        return "case when %s then case when %s then 5 when %s then 4 else 3 end else case when %s then 2 else 1 end end"
                .formatted(above.apply(2), above.apply(4), above.apply(3), above.apply(1));
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
