-- The purchase rhythms' merge ran as one statement that always planned and ran both of its paths, the in-place one
-- and the unfolding one, read each kept row by its key twice (to merge, then to write) and tested a new day against
-- the kept days by a scan of all of them, three times. Now the in-place path writes back through the address of the
-- row it read, tests a day once by binary search, and tells which customers it could not place; the unfolding path
-- runs only for those, in a statement of its own. The rules and both paths' results are unchanged.

-- The kept rows are rewritten by most batches that name their customers. Room left on each page lets the new version
-- go on the same page (a heap-only update), without a new entry in the primary key's index and without moving the row
-- to the end of the table; it applies to the pages written from now on (a rebuild writes every row anew).
alter table customer_purchase_rhythm set (fillfactor = 80);
alter table customer_activity set (fillfactor = 80);

-- A customer with a kept rhythm whose batch brings at most one day it has not bought on before: the new day goes
-- into its place among the kept days and its gaps among the kept gaps; the first day's amount follows a new first
-- day, or grows with the batch's purchases on the kept first day. The row is written back through the address it was
-- read at, without a second look-up by key. The customers are locked (by the spells' trigger, which fires first) and a
-- rebuild takes the table exclusively, so the row does not move in between; were it to move, the update would skip it
-- and its customer would be merged by the second statement, which reads the row anew. That statement merges every
-- customer the first did not place (several new days, or no kept rhythm yet) by unfolding its kept days, as before,
-- and runs only when there are such customers. Both statements are planned for each batch (execute): a plan cached
-- while the table was nearly empty, as on a first import, would scan all of it per customer.
create or replace function purchase_rhythms_after_events() returns trigger
    language plpgsql as
$$
declare
    unplaced uuid[];
begin
    lock table customer_purchase_rhythm in row exclusive mode;
    execute $placed$
        with new_day as (
            select e.customer_id, (e.occurred_at at time zone 'UTC')::date as day, max(e.occurred_at) as last_at,
                   sum(e.amount) as amount
            from inserted e
            where e.type = 'PURCHASE'
            group by 1, 2
        ), batch as (
            select r.ctid as kept_row, r.purchase_days as days, r.gaps, r.first_day_amount, r.purchase_total,
                   r.last_purchase_at,
                   count(*) filter (where not s.seen) as unseen_days,
                   max(n.day) filter (where not s.seen) as unseen_day,
                   sum(n.amount) filter (where not s.seen) as unseen_day_amount,
                   coalesce(sum(n.amount) filter (where n.day = r.purchase_days[1]), 0) as added_on_first_day,
                   max(n.last_at) as last_at, sum(n.amount) as added
            from new_day n
            join customer_purchase_rhythm r on r.customer_id = n.customer_id,
                 lateral (select coalesce(r.purchase_days[width_bucket(n.day, r.purchase_days)] = n.day, false)
                                     as seen) s
            group by r.customer_id, r.ctid
        ), placed as materialized (   -- so that the update's median reads the merged gaps instead of merging them again
            select kept_row,
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
        ), updated as (
            update customer_purchase_rhythm r
            set purchase_days = p.days, last_purchase_at = p.last_at, median_gap = median_of_ascending(p.gaps),
                first_gap = p.days[2] - p.days[1], first_day_amount = p.first_day_amount,
                purchase_total = p.total, gaps = p.gaps
            from placed p
            where r.ctid = p.kept_row
            returning r.customer_id
        )
        select array(select customer_id from new_day except select customer_id from updated)
    $placed$
    into unplaced;
    if cardinality(unplaced) = 0 then
        return null;
    end if;
    execute $unfolded$
        with unfolded_day as (
            select e.customer_id, (e.occurred_at at time zone 'UTC')::date as day, max(e.occurred_at) as last_at,
                   sum(e.amount) as amount
            from inserted e
            where e.type = 'PURCHASE' and e.customer_id = any ($1)
            group by 1, 2
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
    $unfolded$
    using unplaced;
    return null;
end
$$;
