-- The at-risk rule (AtRiskPolicy in the domain) reads each customer's purchase rhythm: its purchase days in UTC, its
-- last purchase, the median and the first of the gaps between its purchase days. The database keeps the rhythm of
-- every customer who has bought, merging each batch's purchases into it, so that the list is found without reading
-- the purchase events of a million customers. The total of all purchases and the first day's amount ride along: the
-- total bounds the value at risk from above, and with both the purchase summaries of a model fit in UTC are read
-- from here too. A differential test holds this copy of the rule's inputs to the domain.

create table customer_purchase_rhythm (
    customer_id       uuid          primary key,
    segment           varchar(64),
    erased            boolean       not null,
    purchase_days     date[]        not null,   -- distinct, ascending
    last_purchase_at  timestamptz   not null,
    median_gap        float8,                   -- null for a one-time buyer
    first_gap         integer,                  -- null for a one-time buyer
    first_day_amount  numeric(19,4) not null,
    purchase_total    numeric(19,4) not null
) with (fillfactor = 80);

-- The purchase rhythms of the given customers (all when null) from their purchases at or before p_as_of: what is
-- kept in customer_purchase_rhythm when p_as_of is infinity, and the rule's inputs for a moment in the past.
create function customer_purchase_rhythm_of(p_customers uuid[], p_as_of timestamptz)
    returns table (customer_id uuid, segment varchar, erased boolean, purchase_days date[],
                   last_purchase_at timestamptz, median_gap float8, first_gap integer, first_day_amount numeric,
                   purchase_total numeric)
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
           percentile_cont(0.5) within group (order by gap) filter (where gap is not null) as median_gap,
           max(gap) filter (where n = 2) as first_gap,
           sum(amount) filter (where n = 1) as first_day_amount, sum(amount) as total
    from gaps
    group by customer_id
)
select r.customer_id, c.segment, c.erased_at is not null, r.days, r.last_at, r.median_gap, r.first_gap,
       r.first_day_amount, r.total
from rhythm r join customer c on c.id = r.customer_id
$$;

-- Every customer with a purchase in a batch is now locked with the others (in id order, before anything is read), by
-- the trigger that fires first on customer_event (triggers fire in the order of their names), also when no event of
-- the batch keeps a customer active.
create or replace function activity_spells_after_events() returns trigger
    language plpgsql as
$$
declare
    settings activity_spell_settings;
    touched uuid[];
    merged uuid[];
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
    with mergeable as (
        select a.*
        from customer_activity a
        where a.customer_id = any (touched)
          and not exists (select 1 from inserted e where e.customer_id = a.customer_id and e.type = 'ACQUIRED')
    ), elements as (
        select m.customer_id, m.acquired_at as start, m.first_until - settings.inactivity_window as finish
        from mergeable m
        union all
        select m.customer_id, later.f, later.u - settings.inactivity_window
        from mergeable m, unnest(m.later_from, m.later_until) as later(f, u)
        union all
        select e.customer_id, e.occurred_at, e.occurred_at
        from inserted e join mergeable m on m.customer_id = e.customer_id
        where e.type = any (settings.activity_types) and e.occurred_at >= m.acquired_at
    ), marked as (
        select customer_id, start, finish,
               coalesce(start > max(finish) over (partition by customer_id order by start, finish
                                                  rows between unbounded preceding and 1 preceding)
                                + settings.inactivity_window, true) as starts
        from elements
    ), numbered as (
        select customer_id, start, finish,
               count(*) filter (where starts) over (partition by customer_id order by start, finish
                                                    rows unbounded preceding) as spell
        from marked
    ), spells as (
        select customer_id, min(start) as spell_from, max(finish) + settings.inactivity_window as spell_until
        from numbered
        group by customer_id, spell
    ), kept as (
        select customer_id, array_agg(spell_from order by spell_from) as starts,
               array_agg(spell_until order by spell_from) as ends
        from spells
        group by customer_id
    ), updated as (
        update customer_activity a
        set first_until = k.ends[1], later_from = nullif(k.starts[2:], '{}'), later_until = nullif(k.ends[2:], '{}')
        from kept k
        where a.customer_id = k.customer_id
        returning a.customer_id
    )
    select array_agg(customer_id) into merged from updated;
    perform keep_activity_spells(array(select unnest(touched) except select unnest(merged)));
    return null;
end
$$;

-- A batch's purchases are merged into the kept rhythms in one set-based statement: the kept days of the batch's
-- customers and the new days are merged, the gaps recomputed, and the first day's amount follows an earlier first
-- day (of the kept days only the first carries its amount, which is all the merge needs). The customers are locked
-- already (see above), so the kept rows read here cannot change before this transaction ends; a rebuild is waited
-- for.
create function purchase_rhythms_after_events() returns trigger
    language plpgsql as
$$
begin
    lock table customer_purchase_rhythm in row exclusive mode;
    with new_day as (
        select e.customer_id, (e.occurred_at at time zone 'UTC')::date as day, max(e.occurred_at) as last_at,
               sum(e.amount) as amount
        from inserted e
        where e.type = 'PURCHASE'
        group by 1, 2
    ), kept as (
        select r.* from customer_purchase_rhythm r where r.customer_id in (select customer_id from new_day)
    ), all_days as (
        select customer_id, day, amount from new_day
        union all
        select k.customer_id, d.day, case when d.n = 1 then k.first_day_amount else 0 end
        from kept k, unnest(k.purchase_days) with ordinality as d(day, n)
    ), gaps as (
        select customer_id, day, amount, day - lag(day) over w as gap, row_number() over w as n
        from (select customer_id, day, sum(amount) as amount from all_days group by 1, 2) per_day
        window w as (partition by customer_id order by day)
    ), merged as (
        select customer_id, array_agg(day order by day) as days,
               percentile_cont(0.5) within group (order by gap) filter (where gap is not null) as median_gap,
               max(gap) filter (where n = 2) as first_gap, sum(amount) filter (where n = 1) as first_day_amount
        from gaps
        group by customer_id
    ), batch as (
        select customer_id, max(last_at) as last_at, sum(amount) as total from new_day group by customer_id
    )
    insert into customer_purchase_rhythm as r
           (customer_id, segment, erased, purchase_days, last_purchase_at, median_gap, first_gap, first_day_amount,
            purchase_total)
    select m.customer_id, c.segment, c.erased_at is not null, m.days, greatest(b.last_at, k.last_purchase_at),
           m.median_gap, m.first_gap, m.first_day_amount, b.total + coalesce(k.purchase_total, 0)
    from merged m
    join batch b on b.customer_id = m.customer_id
    join customer c on c.id = m.customer_id
    left join kept k on k.customer_id = m.customer_id
    on conflict (customer_id) do update
    set purchase_days = excluded.purchase_days, last_purchase_at = excluded.last_purchase_at,
        median_gap = excluded.median_gap, first_gap = excluded.first_gap,
        first_day_amount = excluded.first_day_amount, purchase_total = excluded.purchase_total;
    return null;
end
$$;

create trigger customer_event_keeps_purchase_rhythms
    after insert on customer_event
    referencing new table as inserted
    for each statement
execute function purchase_rhythms_after_events();

-- A customer's segment and erasure are copied, so that the list needs no join.
create function purchase_rhythms_after_customer_change() returns trigger
    language plpgsql as
$$
begin
    update customer_purchase_rhythm r
    set segment = n.segment, erased = n.erased_at is not null
    from changed n join previous o on o.id = n.id
    where r.customer_id = n.id
      and (n.segment is distinct from o.segment or (n.erased_at is null) <> (o.erased_at is null));
    return null;
end
$$;

create trigger customer_keeps_purchase_rhythms_on_update
    after update on customer
    referencing old table as previous new table as changed
    for each statement
execute function purchase_rhythms_after_customer_change();

-- Recomputes every kept rhythm from the events; returns how many customers have one. Rows are deleted rather than
-- truncated, so that a list being read in an older snapshot still sees the rhythms it started with.
create function rebuild_purchase_rhythms() returns bigint
    language plpgsql as
$$
declare
    kept bigint;
begin
    lock table customer_purchase_rhythm in exclusive mode;
    delete from customer_purchase_rhythm;
    insert into customer_purchase_rhythm
    select * from customer_purchase_rhythm_of(null, 'infinity');
    get diagnostics kept = row_count;
    analyze customer_purchase_rhythm;
    return kept;
end
$$;

select rebuild_purchase_rhythms();
