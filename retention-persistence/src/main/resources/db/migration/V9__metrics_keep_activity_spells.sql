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

-- No foreign key: customers are never deleted, and the check would cost every ingested event a lookup.
create table customer_activity_spell (
    customer_id  uuid        not null,
    spell_from   timestamptz not null,
    spell_until  timestamptz not null,
    primary key (customer_id, spell_from)
) with (fillfactor = 90);

-- The spells of the given customers (all when null) for window p_window and activity types p_types: acquisition is
-- the earlier of acquired_at and the first ACQUIRED event; it and every activity event from then on are points; a
-- point more than p_window after the one before starts a new spell.
create function activity_spells(p_customers uuid[], p_window interval, p_types text[])
    returns table (customer_id uuid, spell_from timestamptz, spell_until timestamptz)
    language sql stable as
$$
with acquisition as (
    select c.id, least(c.acquired_at, min(e.occurred_at)) as at
    from customer c
    left join customer_event e on e.customer_id = c.id and e.type = 'ACQUIRED'
    where p_customers is null or c.id = any (p_customers)
    group by c.id
), points as (
    select a.id, a.at from acquisition a where a.at is not null
    union all
    select e.customer_id, e.occurred_at
    from customer_event e
    join acquisition a on a.id = e.customer_id
    where e.type = any (p_types) and e.occurred_at >= a.at
), marked as (
    select id, at, case when at > lag(at) over (partition by id order by at) + p_window then 1 else 0 end as starts
    from points
), numbered as (
    select id, at, sum(starts) over (partition by id order by at rows unbounded preceding) as spell
    from marked
)
select id, min(at), max(at) + p_window
from numbered
group by id, spell
$$;

-- Recomputes the kept spells of the given customers. The customers are locked first, and the spells read after the
-- lock with a fresh snapshot, so that a concurrent transaction's events are never lost: up to 10,000 customers one
-- by one (in id order, so that concurrent writers cannot deadlock on each other); more, as in a bulk load, by a
-- lock on the whole table that waits for the other writers, because that many locks would not fit the lock table.
-- The statement is planned for each call (execute), so that the plan suits the number of customers.
create function keep_activity_spells(p_customers uuid[]) returns void
    language plpgsql as
$$
declare
    settings activity_spell_settings;
begin
    if p_customers is null or cardinality(p_customers) = 0 then
        return;
    end if;
    if cardinality(p_customers) > 10000 then
        lock table customer_activity_spell in share row exclusive mode;
    else
        -- Also waits for a rebuild to finish, so that the settings read below are those the rebuild left.
        lock table customer_activity_spell in row exclusive mode;
        perform pg_advisory_xact_lock(hashtextextended(id::text, 9))
        from unnest(p_customers) as id
        order by id;
    end if;
    select * into settings from activity_spell_settings;
    execute 'delete from customer_activity_spell where customer_id = any ($1)' using p_customers;
    execute 'insert into customer_activity_spell (customer_id, spell_from, spell_until)
             select s.customer_id, s.spell_from, s.spell_until from activity_spells($1, $2, $3) s'
        using p_customers, settings.inactivity_window, settings.activity_types;
end
$$;

-- Recomputes every customer's spells for the given settings: when the configuration changes, and on demand. Rows are
-- deleted rather than truncated, so that a report reading in an older snapshot still sees the spells it started with.
create function rebuild_activity_spells(p_window interval, p_types text[]) returns bigint
    language plpgsql as
$$
declare
    kept bigint;
begin
    lock table activity_spell_settings, customer_activity_spell in exclusive mode;
    update activity_spell_settings set inactivity_window = p_window, activity_types = p_types;
    delete from customer_activity_spell;
    insert into customer_activity_spell (customer_id, spell_from, spell_until)
    select s.customer_id, s.spell_from, s.spell_until
    from activity_spells(null, p_window, p_types) s;
    get diagnostics kept = row_count;
    analyze customer_activity_spell;
    return kept;
end
$$;

create function activity_spells_after_events() returns trigger
    language plpgsql as
$$
begin
    perform keep_activity_spells(array(
        select distinct e.customer_id
        from inserted e, activity_spell_settings s
        where e.type = 'ACQUIRED' or e.type = any (s.activity_types)));
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

-- A new acquisition time moves the first spell's start and can join or part spells.
create function activity_spells_after_acquisition_change() returns trigger
    language plpgsql as
$$
begin
    perform keep_activity_spells(array(
        select n.id from changed n join previous o on o.id = n.id
        where n.acquired_at is distinct from o.acquired_at));
    return null;
end
$$;

create trigger customer_keeps_activity_spells_on_update
    after update on customer
    referencing old table as previous new table as changed
    for each statement
execute function activity_spells_after_acquisition_change();

select rebuild_activity_spells(interval '2160 hours', '{PURCHASE}');
