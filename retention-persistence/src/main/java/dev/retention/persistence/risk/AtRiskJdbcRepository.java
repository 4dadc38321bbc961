package dev.retention.persistence.risk;

import static dev.retention.persistence.shared.SqlTimes.utc;

import dev.retention.domain.risk.AtRiskCustomer;
import dev.retention.domain.risk.AtRiskCustomers;
import dev.retention.domain.risk.AtRiskQuery;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The at-risk rule in one statement over the purchase events (see {@link AtRiskCustomers}). The aggregates are
 * materialized: inlined, the planner underestimates them and recomputes them once per customer.
 */
@Repository
class AtRiskJdbcRepository implements AtRiskCustomers {

    /** Parameters: as of, gap multiplier, one-time percentile, limit. */
    private static final String AT_RISK = """
            with q as (select ?::timestamptz as as_of, ?::float8 as multiplier, ?::float8 as percentile),
            day_figures as (
                select e.customer_id, (e.occurred_at at time zone 'UTC')::date as day,
                       max(e.occurred_at) filter (where e.type = 'PURCHASE') as last_at,
                       sum(case when e.type = 'PURCHASE' then e.amount else -e.amount end)
                           filter (where e.occurred_at > q.as_of - interval '12 months') as value
                from customer_event e, q
                where e.type in ('PURCHASE', 'REFUND') and e.occurred_at <= q.as_of
                group by 1, 2
            ), customer_value as materialized (
                select customer_id, coalesce(sum(value), 0) as value_at_risk from day_figures group by 1
            ), purchase_day as (
                select customer_id, day, last_at from day_figures where last_at is not null
            ), gaps as (
                select customer_id, day, last_at, day - lag(day) over days as gap, row_number() over days as n
                from purchase_day
                window days as (partition by customer_id order by day)
            ), buyer as materialized (
                select customer_id, count(*) as days, max(last_at) as last_at,
                       percentile_cont(0.5) within group (order by gap) filter (where gap is not null) as median_gap,
                       max(gap) filter (where n = 2) as first_gap
                from gaps
                group by customer_id
            ), buyer_segment as (
                select b.*, v.value_at_risk, c.segment, c.external_id
                from buyer b
                join customer_value v on v.customer_id = b.customer_id
                join customer c on c.id = b.customer_id
                where c.erased_at is null
            ), segment_threshold as materialized (
                select segment, percentile_cont((select percentile from q)) within group (order by first_gap) as days
                from buyer_segment where first_gap is not null group by segment
            ), overall_threshold as materialized (
                select percentile_cont((select percentile from q)) within group (order by first_gap) as days
                from buyer_segment where first_gap is not null
            ), candidate as (
                select b.*, extract(epoch from q.as_of - b.last_at) / 86400 as silent_days,
                       case when b.days >= 2 then b.median_gap * q.multiplier
                            else coalesce(st.days, ot.days) end as threshold,
                       case when b.days < 2 and st.days is not null then b.segment end as threshold_source
                from buyer_segment b cross join q cross join overall_threshold ot
                left join segment_threshold st on st.segment = b.segment
            ), at_risk as (
                select c.*
                from candidate c cross join q
                where c.threshold is not null and c.silent_days > c.threshold
                  and not exists (
                      select 1 from customer_event ch
                      where ch.customer_id = c.customer_id and ch.type = 'CHURNED' and ch.occurred_at <= q.as_of
                        and not exists (select 1 from customer_event re
                                        where re.customer_id = c.customer_id and re.type = 'REACTIVATED'
                                          and re.occurred_at >= ch.occurred_at and re.occurred_at <= q.as_of))
                order by c.value_at_risk desc, c.customer_id
                limit ?
            )
            select r.customer_id, r.external_id, r.segment, r.last_at, r.silent_days, r.days, r.median_gap,
                   r.threshold, r.threshold_source, r.value_at_risk,
                   (select p.probability_alive from customer_prediction p
                    where p.customer_id = r.customer_id and p.model_id = (
                        select m.id from clv_model m where m.status = 'SUCCEEDED' and m.segment is null
                        order by m.finished_at desc limit 1)) as probability_alive
            from at_risk r
            order by r.value_at_risk desc, r.customer_id
            """;

    private final JdbcTemplate jdbc;

    AtRiskJdbcRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<AtRiskCustomer> find(AtRiskQuery query) {
        return jdbc.query(AT_RISK, (row, n) -> new AtRiskCustomer(row.getObject("customer_id", UUID.class),
                row.getString("external_id"), row.getString("segment"),
                row.getObject("last_at", OffsetDateTime.class).toInstant(), row.getDouble("silent_days"),
                row.getInt("days"), (Double) row.getObject("median_gap"), row.getDouble("threshold"),
                row.getString("threshold_source"), row.getBigDecimal("value_at_risk"),
                (Double) row.getObject("probability_alive")),
                utc(query.asOf()), (double) AtRiskQuery.GAP_MULTIPLIER, AtRiskQuery.ONE_TIME_PERCENTILE,
                query.limit());
    }
}
