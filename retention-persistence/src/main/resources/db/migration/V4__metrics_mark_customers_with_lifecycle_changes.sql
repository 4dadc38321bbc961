-- Under the contractual model a customer without a CHURNED event, and without an ACQUIRED event before its
-- explicit acquisition time, is active from acquisition on. Such customers are counted in the database without
-- reading their events; the flag marks the others. It only ever turns true, which errs on the safe side: a flagged
-- customer is read event by event.
alter table customer add column lifecycle_changes boolean not null default false;

update customer c
set lifecycle_changes = true
where exists (select 1 from customer_event e
              where e.customer_id = c.id
                and (e.type = 'CHURNED'
                     or (e.type = 'ACQUIRED' and c.acquired_at_explicit and e.occurred_at < c.acquired_at)));

-- Customers without an explicit acquisition time are acquired at their first event, so an ACQUIRED event can only
-- move an explicit acquisition time earlier.
create function customer_mark_lifecycle_changes() returns trigger
    language plpgsql as
$$
begin
    update customer c
    set lifecycle_changes = true
    from inserted e
    where c.id = e.customer_id
      and not c.lifecycle_changes
      and (e.type = 'CHURNED'
           or (e.type = 'ACQUIRED' and c.acquired_at_explicit and e.occurred_at < c.acquired_at));
    return null;
end
$$;

create trigger customer_event_marks_lifecycle_changes
    after insert on customer_event
    referencing new table as inserted
    for each statement
execute function customer_mark_lifecycle_changes();

-- The events lifecycles are built from, readable from the index alone in customer order.
create index customer_event_status_idx on customer_event (customer_id, occurred_at) include (type)
    where type in ('ACQUIRED', 'CHURNED', 'REACTIVATED');
