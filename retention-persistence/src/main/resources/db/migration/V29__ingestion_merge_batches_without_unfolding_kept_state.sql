-- Each batch of events was merged with the kept spells and purchase rhythms of its customers by unfolding every kept
-- day and spell into rows, sorting them with the new ones and folding them again: a cost that grew with each
-- customer's history, paid by every batch. A batch typically brings a customer one new purchase, which changes its
-- kept state in one place. Such customers are now merged by array operations on their kept row, the place found by
-- binary search (width_bucket over an ascending array); the others are merged as before. The rules are unchanged:
-- LifecyclePolicy.inactivity and PurchaseRhythm in the domain, to which the differential tests hold both paths.

-- The gaps in days between a customer's consecutive purchase days, ascending, so that a new day's gaps can be put in
-- their place and the median read from the middle without sorting.
alter table customer_purchase_rhythm add column gaps integer[] not null default '{}';

-- The median of an ascending array: its middle element, or the mean of its two middle elements (null when empty);
-- what percentile_cont(0.5) gives for the same values.
create function median_of_ascending(p_values integer[]) returns float8
    language sql immutable parallel safe as
$$
select (p_values[(cardinality(p_values) + 1) / 2] + p_values[(cardinality(p_values) + 2) / 2]) / 2.0::float8
$$;

-- The ascending array with one more value in its place (unchanged when the value is null).
create function ascending_with(p_values integer[], p_value integer) returns integer[]
    language sql immutable parallel safe as
$$
select case when p_value is null then p_values
            else p_values[1:width_bucket(p_value, p_values)] || p_value
                     || p_values[width_bucket(p_value, p_values) + 1:] end
$$;

-- The ascending array with one occurrence of a value it holds taken out (unchanged when the value is null).
create function ascending_without(p_values integer[], p_value integer) returns integer[]
    language sql immutable parallel safe as
$$
select case when p_value is null then p_values
            else p_values[1:width_bucket(p_value, p_values) - 1] || p_values[width_bucket(p_value, p_values) + 1:] end
$$;

-- The ascending gaps between the ascending purchase days p_days once the day p_day, not among them, is added: the gap
-- between its neighbours, if it has two, gives way to the gaps from each neighbour to it.
create function purchase_gaps_with_day(p_gaps integer[], p_days date[], p_day date) returns integer[]
    language plpgsql immutable parallel safe as
$$
declare
    before  integer := width_bucket(p_day, p_days);
    gaps    integer[] := p_gaps;
begin
    if before >= 1 and before < cardinality(p_days) then
        gaps := ascending_without(gaps, p_days[before + 1] - p_days[before]);
    end if;
    if before >= 1 then
        gaps := ascending_with(gaps, p_day - p_days[before]);
    end if;
    if before < cardinality(p_days) then
        gaps := ascending_with(gaps, p_days[before + 1] - p_day);
    end if;
    return gaps;
end
$$;

drop function customer_purchase_rhythm_of(uuid[], timestamptz);

-- As before, with the ascending gaps, from which the median is read.
create function customer_purchase_rhythm_of(p_customers uuid[], p_as_of timestamptz)
    returns table (customer_id uuid, segment varchar, erased boolean, purchase_days date[],
                   last_purchase_at timestamptz, median_gap float8, first_gap integer, first_day_amount numeric,
                   purchase_total numeric, gaps integer[])
    language sql stable as
$$
with purchase_day as (
    select e.customer_id, (e.occurred_at at time zone 'UTC')::date as day, max(e.occurred_at) as last_at,
           sum(e.amount) as amount
    from customer_event e
    where e.type = 'PURCHASE' and e.occurred_at <= p_as_of
      and (p_customers is null or e.customer_id = any (p_customers))
    group by 1, 2
), gaps as (
    select customer_id, day, last_at, amount, day - lag(day) over w as gap, row_number() over w as n
    from purchase_day
    window w as (partition by customer_id order by day)
), rhythm as (
    select customer_id, array_agg(day order by day) as days, max(last_at) as last_at,
           coalesce(array_agg(gap order by gap) filter (where gap is not null), '{}') as gaps,
           max(gap) filter (where n = 2) as first_gap,
           sum(amount) filter (where n = 1) as first_day_amount, sum(amount) as total
    from gaps
    group by customer_id
)
select r.customer_id, c.segment, c.erased_at is not null, r.days, r.last_at, median_of_ascending(r.gaps),
       r.first_gap, r.first_day_amount, r.total, r.gaps
from rhythm r join customer c on c.id = r.customer_id
$$;

-- A customer with a kept rhythm whose batch brings at most one day it has not bought on before: the new day goes
-- into its place among the kept days and its gaps among the kept gaps; the first day's amount follows a new first
-- day, or grows with the batch's purchases on the kept first day. Every other customer of the batch is merged by
-- unfolding its kept days, as before. The customers are locked already (by the spells' trigger, which fires first).
-- Both merges write through the primary key (insert ... on conflict), and the statement is planned for each batch
-- (execute): a plan cached while the table was nearly empty, as on a first import, would scan all of it per customer.
create or replace function purchase_rhythms_after_events() returns trigger
    language plpgsql as
$$
begin
    lock table customer_purchase_rhythm in row exclusive mode;
    execute $merge$
        with new_day as (
            select e.customer_id, (e.occurred_at at time zone 'UTC')::date as day, max(e.occurred_at) as last_at,
                   sum(e.amount) as amount
            from inserted e
            where e.type = 'PURCHASE'
            group by 1, 2
        ), batch as (
            select r.customer_id, r.segment, r.erased, r.purchase_days as days, r.gaps, r.first_day_amount,
                   r.purchase_total, r.last_purchase_at,
                   count(*) filter (where n.day <> all (r.purchase_days)) as unseen_days,
                   max(n.day) filter (where n.day <> all (r.purchase_days)) as unseen_day,
                   sum(n.amount) filter (where n.day <> all (r.purchase_days)) as unseen_day_amount,
                   coalesce(sum(n.amount) filter (where n.day = r.purchase_days[1]), 0) as added_on_first_day,
                   max(n.last_at) as last_at, sum(n.amount) as added
            from new_day n
            join customer_purchase_rhythm r on r.customer_id = n.customer_id
            group by r.customer_id
        ), placed as materialized (   -- so that the median reads the merged gaps instead of merging them again
            select customer_id, segment, erased,
                   case when unseen_day is null then days
                        else days[1:width_bucket(unseen_day, days)] || unseen_day
                                 || days[width_bucket(unseen_day, days) + 1:] end as days,
                   case when unseen_day is null then gaps
                        else purchase_gaps_with_day(gaps, days, unseen_day) end as gaps,
                   case when unseen_day < days[1] then unseen_day_amount
                        else first_day_amount + added_on_first_day end as first_day_amount,
                   greatest(last_at, last_purchase_at) as last_at,
                   purchase_total + added as total
            from batch
            where unseen_days <= 1
        ), placed_rhythm as (
            insert into customer_purchase_rhythm as r
                   (customer_id, segment, erased, purchase_days, last_purchase_at, median_gap, first_gap,
                    first_day_amount, purchase_total, gaps)
            select customer_id, segment, erased, days, last_at, median_of_ascending(gaps), days[2] - days[1],
                   first_day_amount, total, gaps
            from placed
            on conflict (customer_id) do update
            set purchase_days = excluded.purchase_days, last_purchase_at = excluded.last_purchase_at,
                median_gap = excluded.median_gap, first_gap = excluded.first_gap,
                first_day_amount = excluded.first_day_amount, purchase_total = excluded.purchase_total,
                gaps = excluded.gaps
        ), unfolded_day as (
            select n.*
            from new_day n
            where n.customer_id in (select customer_id from new_day except select customer_id from placed)
        ), kept as (
            select r.* from customer_purchase_rhythm r where r.customer_id in (select customer_id from unfolded_day)
        ), all_days as (
            select customer_id, day, amount from unfolded_day
            union all
            select k.customer_id, d.day, case when d.n = 1 then k.first_day_amount else 0 end
            from kept k, unnest(k.purchase_days) with ordinality as d(day, n)
        ), gaps as (
            select customer_id, day, amount, day - lag(day) over w as gap, row_number() over w as n
            from (select customer_id, day, sum(amount) as amount from all_days group by 1, 2) per_day
            window w as (partition by customer_id order by day)
        ), merged as (
            select customer_id, array_agg(day order by day) as days,
                   coalesce(array_agg(gap order by gap) filter (where gap is not null), '{}') as gaps,
                   max(gap) filter (where n = 2) as first_gap, sum(amount) filter (where n = 1) as first_day_amount
            from gaps
            group by customer_id
        ), unfolded_batch as (
            select customer_id, max(last_at) as last_at, sum(amount) as total from unfolded_day group by customer_id
        )
        insert into customer_purchase_rhythm as r
               (customer_id, segment, erased, purchase_days, last_purchase_at, median_gap, first_gap, first_day_amount,
                purchase_total, gaps)
        select m.customer_id, c.segment, c.erased_at is not null, m.days, greatest(b.last_at, k.last_purchase_at),
               median_of_ascending(m.gaps), m.first_gap, m.first_day_amount, b.total + coalesce(k.purchase_total, 0),
               m.gaps
        from merged m
        join unfolded_batch b on b.customer_id = m.customer_id
        join customer c on c.id = m.customer_id
        left join kept k on k.customer_id = m.customer_id
        on conflict (customer_id) do update
        set purchase_days = excluded.purchase_days, last_purchase_at = excluded.last_purchase_at,
            median_gap = excluded.median_gap, first_gap = excluded.first_gap,
            first_day_amount = excluded.first_day_amount, purchase_total = excluded.purchase_total,
            gaps = excluded.gaps
    $merge$;
    return null;
end
$$;

-- A new point inside a kept spell (between its first and last point) changes nothing, so such points are set aside
-- first. A customer left with one new point p is merged by array operations: with k the spells starting at or before
-- p, p joins spell k when it comes at most W after that spell's last point (before its end), and joins spell k + 1
-- when that one starts at most W after p; joining both makes them one spell, joining neither makes p a spell of its
-- own. A customer left with several new points is merged by unfolding its kept spells, as before; a customer with a
-- new ACQUIRED event, or without kept spells, is recomputed from its events. The statements are planned for each
-- batch (execute), as the purchase rhythms' are.
create or replace function activity_spells_after_events() returns trigger
    language plpgsql as
$$
declare
    settings activity_spell_settings;
    touched uuid[];
    mergeable uuid[];
    outside_customers uuid[];
    outside_at timestamptz[];
begin
    lock table customer_activity in row exclusive mode;
    select * into settings from activity_spell_settings;
    -- Also the customers whose purchases or status events the triggers after this one handle, so that one batch
    -- takes all its customer locks at once, in id order, and two batches cannot deadlock between the triggers.
    perform 1 from customer
    where id in (select e.customer_id from inserted e
                 where e.type in ('ACQUIRED', 'CHURNED', 'REACTIVATED', 'PURCHASE')
                    or e.type = any (settings.activity_types))
    order by id
    for no key update;
    touched := array(select distinct e.customer_id from inserted e
                     where e.type = 'ACQUIRED' or e.type = any (settings.activity_types));
    if cardinality(touched) = 0 then
        return null;
    end if;
    execute $mergeable$
        select array(select a.customer_id
                     from customer_activity a
                     where a.customer_id = any ($1)
                       and not exists (select 1 from inserted e
                                       where e.customer_id = a.customer_id and e.type = 'ACQUIRED'))
    $mergeable$
    into mergeable using touched;
    execute $outside$
        select coalesce(array_agg(e.customer_id), '{}'), coalesce(array_agg(e.occurred_at), '{}')
        from inserted e
        join customer_activity a on a.customer_id = e.customer_id
        where e.type = any ($2)
          and not exists (select 1 from inserted x where x.customer_id = e.customer_id and x.type = 'ACQUIRED')
          and e.occurred_at >= a.acquired_at
          and e.occurred_at > case coalesce(width_bucket(e.occurred_at, a.later_from), 0)
                                  when 0 then a.first_until
                                  else a.later_until[width_bucket(e.occurred_at, a.later_from)] end
                              - $1
    $outside$
    into outside_customers, outside_at using settings.inactivity_window, settings.activity_types;

    if cardinality(outside_customers) > 0 then
        execute $merge$
            with outside as (
                select o.customer_id, o.at, count(*) over (partition by o.customer_id) as points
                from unnest($2, $3) as o(customer_id, at)
            ), placed as (
                select o.customer_id, o.at, spell.starts, spell.ends, cardinality(spell.starts) as spells,
                       1 + coalesce(width_bucket(o.at, a.later_from), 0) as k
                from outside o
                join customer_activity a on a.customer_id = o.customer_id,
                     lateral (select array_prepend(a.acquired_at, coalesce(a.later_from, '{}')) as starts,
                                     array_prepend(a.first_until, coalesce(a.later_until, '{}')) as ends) spell
                where o.points = 1
            ), joined as (
                select customer_id, at, starts, ends, k,
                       at <= ends[k] as joins_before,
                       k < spells and starts[k + 1] <= at + $1 as joins_after
                from placed
            ), placed_spells as (
                select customer_id,
                       case when joins_before and joins_after then starts[1:k] || starts[k + 2:]
                            when joins_after then starts[1:k] || at || starts[k + 2:]
                            when joins_before then starts
                            else starts[1:k] || at || starts[k + 1:] end as starts,
                       case when joins_before and joins_after then ends[1:k - 1] || ends[k + 1:]
                            when joins_after then ends
                            when joins_before then ends[1:k - 1] || (at + $1) || ends[k + 1:]
                            else ends[1:k] || (at + $1) || ends[k + 1:] end as ends
                from joined
            ), unfolded as (
                select a.*
                from customer_activity a
                where a.customer_id in (select customer_id from outside where points > 1)
            ), elements as (
                select u.customer_id, u.acquired_at as start, u.first_until - $1 as finish
                from unfolded u
                union all
                select u.customer_id, later.f, later.u - $1
                from unfolded u, unnest(u.later_from, u.later_until) as later(f, u)
                union all
                select o.customer_id, o.at, o.at
                from outside o
                where o.points > 1
            ), marked as (
                select customer_id, start, finish,
                       coalesce(start > max(finish) over (partition by customer_id order by start, finish
                                                          rows between unbounded preceding and 1 preceding)
                                        + $1, true) as starts
                from elements
            ), numbered as (
                select customer_id, start, finish,
                       count(*) filter (where starts) over (partition by customer_id order by start, finish
                                                            rows unbounded preceding) as spell
                from marked
            ), spells as (
                select customer_id, min(start) as spell_from, max(finish) + $1 as spell_until
                from numbered
                group by customer_id, spell
            ), unfolded_spells as (
                select customer_id, array_agg(spell_from order by spell_from) as starts,
                       array_agg(spell_until order by spell_from) as ends
                from spells
                group by customer_id
            )
            update customer_activity a
            set first_until = m.ends[1], later_from = nullif(m.starts[2:], '{}'),
                later_until = nullif(m.ends[2:], '{}')
            from (select * from placed_spells union all select * from unfolded_spells) m
            where a.customer_id = m.customer_id
        $merge$
        using settings.inactivity_window, outside_customers, outside_at;
    end if;

    if cardinality(mergeable) < cardinality(touched) then
        perform keep_activity_spells(array(select unnest(touched) except select unnest(mergeable)));
    end if;
    return null;
end
$$;

-- Rebuilds every kept rhythm with its gaps.
select rebuild_purchase_rhythms();
