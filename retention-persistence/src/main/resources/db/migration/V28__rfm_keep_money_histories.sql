-- RFM scores (RfmFigures and RfmRanking in the domain) need, for a window (S, E] of the request's choosing, every
-- customer's last purchase, number of purchases and purchases less refunds in it. The database keeps each customer's
-- purchases and refunds as instants in ascending order with running totals, merging each batch into them, so that the
-- figures of any window come from two binary searches per customer (width_bucket) instead of reading the events. A
-- differential test holds the kept histories, and the scores read from them, to the domain's rule.

create table customer_money_history (
    customer_id          uuid          primary key,
    last_purchase_at     timestamptz,              -- null while only refunds are known
    purchase_at          timestamptz[] not null,   -- ascending, one element per purchase
    purchase_total_upto  numeric[]     not null,   -- element k: the amounts of purchases 1 to k, summed
    refund_at            timestamptz[],            -- ascending; null for a customer without refunds
    refund_total_upto    numeric[]
) with (fillfactor = 80);

-- The kept histories of the given customers (all when null), from their events: what the trigger below must keep.
create function customer_money_history_of(p_customers uuid[])
    returns setof customer_money_history
    language sql stable as
$$
with money as (
    select e.customer_id, e.type, e.occurred_at, sum(e.amount) over w as total_upto, row_number() over w as n
    from customer_event e
    where e.type in ('PURCHASE', 'REFUND') and (p_customers is null or e.customer_id = any (p_customers))
    window w as (partition by e.customer_id, e.type order by e.occurred_at, e.amount rows unbounded preceding)
)
select customer_id, max(occurred_at) filter (where type = 'PURCHASE'),
       coalesce(array_agg(occurred_at order by n) filter (where type = 'PURCHASE'), '{}'),
       coalesce(array_agg(total_upto order by n) filter (where type = 'PURCHASE'), '{}'),
       array_agg(occurred_at order by n) filter (where type = 'REFUND'),
       array_agg(total_upto order by n) filter (where type = 'REFUND')
from money
group by customer_id
$$;

-- Refunds join the customers that the first trigger on customer_event locks.
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
    -- Also the customers whose purchases, refunds or status events the triggers after this one handle, so that one
    -- batch takes all its customer locks at once, in id order, and two batches cannot deadlock between the triggers.
    perform 1 from customer
    where id in (select e.customer_id from inserted e
                 where e.type in ('ACQUIRED', 'CHURNED', 'REACTIVATED', 'PURCHASE', 'REFUND')
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

-- A batch's purchases and refunds are merged into the kept histories in one set-based statement: the kept elements
-- of the batch's customers (their amounts recovered from the running totals) and the new ones are put in order again
-- and summed. The customers are locked already (see above), so the rows read here cannot change before this
-- transaction ends; a rebuild is waited for.
create function money_histories_after_events() returns trigger
    language plpgsql as
$$
begin
    lock table customer_money_history in row exclusive mode;
    with new_money as (
        select e.customer_id, e.type, e.occurred_at, e.amount
        from inserted e
        where e.type in ('PURCHASE', 'REFUND')
    ), kept as (
        select h.* from customer_money_history h where h.customer_id in (select customer_id from new_money)
    ), elements as (
        select customer_id, type, occurred_at, amount from new_money
        union all
        select k.customer_id, 'PURCHASE', p.at, p.upto - coalesce(lag(p.upto) over (partition by k.customer_id order by p.n), 0)
        from kept k, unnest(k.purchase_at, k.purchase_total_upto) with ordinality as p(at, upto, n)
        union all
        select k.customer_id, 'REFUND', r.at, r.upto - coalesce(lag(r.upto) over (partition by k.customer_id order by r.n), 0)
        from kept k, unnest(k.refund_at, k.refund_total_upto) with ordinality as r(at, upto, n)
    ), money as (
        select customer_id, type, occurred_at, sum(amount) over w as total_upto, row_number() over w as n
        from elements
        window w as (partition by customer_id, type order by occurred_at, amount rows unbounded preceding)
    )
    insert into customer_money_history as h
           (customer_id, last_purchase_at, purchase_at, purchase_total_upto, refund_at, refund_total_upto)
    select customer_id, max(occurred_at) filter (where type = 'PURCHASE'),
           coalesce(array_agg(occurred_at order by n) filter (where type = 'PURCHASE'), '{}'),
           coalesce(array_agg(total_upto order by n) filter (where type = 'PURCHASE'), '{}'),
           array_agg(occurred_at order by n) filter (where type = 'REFUND'),
           array_agg(total_upto order by n) filter (where type = 'REFUND')
    from money
    group by customer_id
    on conflict (customer_id) do update
    set last_purchase_at = excluded.last_purchase_at, purchase_at = excluded.purchase_at,
        purchase_total_upto = excluded.purchase_total_upto, refund_at = excluded.refund_at,
        refund_total_upto = excluded.refund_total_upto;
    return null;
end
$$;

create trigger customer_event_keeps_money_histories
    after insert on customer_event
    referencing new table as inserted
    for each statement
execute function money_histories_after_events();

-- Recomputes every kept history from the events; returns how many customers have one. Rows are deleted rather than
-- truncated, so that a report being read in an older snapshot still sees the histories it started with.
create function rebuild_money_histories() returns bigint
    language plpgsql as
$$
declare
    kept bigint;
begin
    lock table customer_money_history in exclusive mode;
    delete from customer_money_history;
    insert into customer_money_history
    select * from customer_money_history_of(null);
    get diagnostics kept = row_count;
    analyze customer_money_history;
    return kept;
end
$$;

select rebuild_money_histories();
