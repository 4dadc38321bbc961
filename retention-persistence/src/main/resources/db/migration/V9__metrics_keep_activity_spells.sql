-- Under the INACTIVITY model a customer is active at a boundary b when it was acquired before b and its last activity
-- before b (acquisition included) lies at most W before b. A customer's activity therefore falls into spells: maximal
-- stretches of activity points whose gaps are at most W, each active on (first point, last point + W]. Spells change
-- only when events arrive, so the database keeps them for the configured W and activity types, and the metrics count
-- customers by the stretches between boundaries that their spells start and end in, without reading events.
-- The rule is LifecyclePolicy.inactivity in the domain; a differential test holds this copy to it.

-- The W and activity types the kept spells are for; the service writes its configuration here at start-up and
-- rebuilds the spells when it differs.
create table activity_spell_settings (
    singleton          boolean  primary key default true,
    inactivity_window  interval not null,
    activity_types     text[]   not null,
    constraint activity_spell_settings_one_row check (singleton)
);

insert into activity_spell_settings (inactivity_window, activity_types) values (interval '2160 hours', '{PURCHASE}');

-- One row per acquired customer: its segment (copied, so that counting needs no join), its acquisition (the start
-- of its first spell), the end of its first spell, and the starts and ends of its later spells (null when it has
-- none: most customers). No foreign key: customers are never deleted, and the check would cost every batch a lookup
-- per customer.
create table customer_activity (
    customer_id  uuid          primary key,
    segment      varchar(64),
    acquired_at  timestamptz   not null,
    first_until  timestamptz   not null,
    later_from   timestamptz[],
    later_until  timestamptz[]
) with (fillfactor = 80);   -- room for the updates of each batch to stay on their page

-- The spells of the given customers (all when null) for window p_window and activity types p_types, one row per
-- customer as kept in customer_activity. Acquisition is the earlier of acquired_at and the first ACQUIRED event; it
-- and every activity event from then on are points; a point more than p_window after the one before starts a spell,
-- and a point more than p_window before the next one ends it (at the point + p_window). One pass over the points in
-- time order finds both. The segment rides along on the acquisition point, so that no second join is needed.
create function customer_activity_of(p_customers uuid[], p_window interval, p_types text[])
    returns table (customer_id uuid, segment varchar, acquired_at timestamptz, first_until timestamptz,
                   later_from timestamptz[], later_until timestamptz[])
    language sql stable as
$$
with acquisition as not materialized (
    select c.id, c.segment, least(c.acquired_at, f.at) as at
    from customer c
    left join (select e.customer_id, min(e.occurred_at) as at
               from customer_event e
               where e.type = 'ACQUIRED' and (p_customers is null or e.customer_id = any (p_customers))
               group by e.customer_id) f on f.customer_id = c.id
    where p_customers is null or c.id = any (p_customers)
), points as (
    select a.id, a.at, a.segment from acquisition a where a.at is not null
    union all
    select e.customer_id, e.occurred_at, null
    from customer_event e
    join acquisition a on a.id = e.customer_id
    where e.type = any (p_types) and e.occurred_at >= a.at
), marked as (
    select id, at, segment,
           coalesce(at > lag(at) over w + p_window, true) as starts,
           coalesce(lead(at) over w > at + p_window, true) as ends
    from points
    window w as (partition by id order by at)
), spells as (
    select id, max(segment) as segment,
           array_agg(at order by at) filter (where starts) as starts,
           array_agg(at + p_window order by at) filter (where ends) as ends
    from marked
    where starts or ends or segment is not null   -- the acquisition point keeps its segment even inside a spell
    group by id
)
select id, segment, starts[1], ends[1], nullif(starts[2:], '{}'), nullif(ends[2:], '{}')
from spells
$$;

-- Recomputes the kept spells of the given customers. Their customer rows are locked first (in id order, so that
-- concurrent writers cannot deadlock on each other; row locks, because a bulk load touches more customers than the
-- lock table holds), and the spells are read after the locks with a fresh snapshot, so that a concurrent
-- transaction's events are never lost. The statement is planned for each call (execute), so that the plan suits the
-- number of customers.
create function keep_activity_spells(p_customers uuid[]) returns void
    language plpgsql as
$$
declare
    settings activity_spell_settings;
begin
    if p_customers is null or cardinality(p_customers) = 0 then
        return;
    end if;
    -- Waits for a rebuild to finish, so that the settings read below are those the rebuild left.
    lock table customer_activity in row exclusive mode;
    perform 1 from customer where id = any (p_customers) order by id for no key update;
    select * into settings from activity_spell_settings;
    execute 'delete from customer_activity where customer_id = any ($1)' using p_customers;
    execute 'insert into customer_activity (customer_id, segment, acquired_at, first_until, later_from, later_until)
             select * from customer_activity_of($1, $2, $3)'
        using p_customers, settings.inactivity_window, settings.activity_types;
end
$$;

-- Recomputes every customer's spells for the given settings: when the configuration changes, and on demand; returns
-- how many spells are kept. Rows are deleted rather than truncated, so that a report reading in an older snapshot
-- still sees the spells it started with.
create function rebuild_activity_spells(p_window interval, p_types text[]) returns bigint
    language plpgsql as
$$
declare
    kept bigint;
begin
    lock table activity_spell_settings, customer_activity in exclusive mode;
    update activity_spell_settings set inactivity_window = p_window, activity_types = p_types;
    delete from customer_activity;
    insert into customer_activity (customer_id, segment, acquired_at, first_until, later_from, later_until)
    select * from customer_activity_of(null, p_window, p_types);
    select coalesce(sum(1 + coalesce(cardinality(later_from), 0)), 0) into kept from customer_activity;
    analyze customer_activity;
    return kept;
end
$$;

-- New activity events of a customer with kept spells and without a new ACQUIRED event are merged into the kept row
-- without reading the customer's events: each kept spell stands for the stretch from its first point to its last
-- (its end less W), within which every gap is at most W already, and each new point for itself; sorted by start, an
-- element more than W after the latest end so far starts a new spell. A point inside a spell changes nothing; one
-- near its ends extends it or joins it to its neighbour. Points before the acquisition do not count. Every other
-- touched customer is recomputed from its events. The customers are locked (as in keep_activity_spells) before their
-- rows are read.
create function activity_spells_after_events() returns trigger
    language plpgsql as
$$
declare
    settings activity_spell_settings;
    touched uuid[];
    merged uuid[];
begin
    lock table customer_activity in row exclusive mode;
    select * into settings from activity_spell_settings;
    touched := array(select distinct e.customer_id from inserted e
                     where e.type = 'ACQUIRED' or e.type = any (settings.activity_types));
    if cardinality(touched) = 0 then
        return null;
    end if;
    -- Also the customers whose status events the contractual summary trigger handles next, so that one batch takes
    -- all its customer locks at once, in id order, and two batches cannot deadlock between the two triggers.
    perform 1 from customer
    where id in (select e.customer_id from inserted e
                 where e.type in ('ACQUIRED', 'CHURNED', 'REACTIVATED') or e.type = any (settings.activity_types))
    order by id
    for no key update;
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

create trigger customer_event_keeps_activity_spells
    after insert on customer_event
    referencing new table as inserted
    for each statement
execute function activity_spells_after_events();

create function activity_spells_after_new_customers() returns trigger
    language plpgsql as
$$
begin
    perform keep_activity_spells(array(select c.id from inserted c where c.acquired_at is not null));
    return null;
end
$$;

create trigger customer_keeps_activity_spells_on_insert
    after insert on customer
    referencing new table as inserted
    for each statement
execute function activity_spells_after_new_customers();

-- A new acquisition time moves the first spell's start and can join or part spells; a new segment is copied.
create function activity_spells_after_customer_change() returns trigger
    language plpgsql as
$$
begin
    perform keep_activity_spells(array(
        select n.id from changed n join previous o on o.id = n.id
        where n.acquired_at is distinct from o.acquired_at));
    update customer_activity a
    set segment = n.segment
    from changed n join previous o on o.id = n.id
    where a.customer_id = n.id and n.segment is distinct from o.segment;
    return null;
end
$$;

create trigger customer_keeps_activity_spells_on_update
    after update on customer
    referencing old table as previous new table as changed
    for each statement
execute function activity_spells_after_customer_change();

select rebuild_activity_spells(interval '2160 hours', '{PURCHASE}');
