-- Under the contractual model most customers' status at every period boundary follows from a few instants, which
-- the database keeps on the customer so that it can count customers in groups without reading their events:
--   lifecycle_kind 0: active from acquired_at on (no churn since acquisition);
--   lifecycle_kind 1: active from acquired_at until churned_at, and again from back_at if set (one churn);
--   lifecycle_kind 2: anything else (several churns, or an ACQUIRED event before the acquisition time); such
--                     customers are read event by event.
-- Events at or after acquisition are what count; REACTIVATED and ACQUIRED events while active change nothing, and
-- at the same instant ACQUIRED applies before CHURNED, CHURNED before REACTIVATED.
alter table customer
    add column lifecycle_kind smallint not null default 0,
    add column churned_at timestamptz,
    add column back_at timestamptz,
    add constraint customer_lifecycle_kind_known check (lifecycle_kind in (0, 1, 2));

create function customer_lifecycle_summary(p_customer uuid, p_acquired_at timestamptz,
                                           out kind smallint, out churned_at timestamptz, out back_at timestamptz)
    language sql stable as
$$
with events as (
    select type, occurred_at
    from customer_event
    where customer_id = p_customer and type in ('ACQUIRED', 'CHURNED', 'REACTIVATED')
), churns as (
    select count(*) as n, min(occurred_at) as first
    from events
    where type = 'CHURNED' and occurred_at >= p_acquired_at
), summary as (
    select case
               when p_acquired_at is null then case when exists (select 1 from events) then 2 else 0 end
               when exists (select 1 from events where type = 'ACQUIRED' and occurred_at < p_acquired_at) then 2
               when churns.n = 0 then 0
               when churns.n = 1 then 1
               else 2
           end::smallint as kind,
           churns.first
    from churns
)
select summary.kind,
       case when summary.kind = 1 then summary.first end,
       case when summary.kind = 1 then (select min(e.occurred_at) from events e
                                        where (e.type = 'REACTIVATED' and e.occurred_at >= summary.first)
                                           or (e.type = 'ACQUIRED' and e.occurred_at > summary.first)) end
from summary
$$;

update customer c
set (lifecycle_kind, churned_at, back_at) = (select s.kind, s.churned_at, s.back_at
                                             from customer_lifecycle_summary(c.id, c.acquired_at) s)
where exists (select 1 from customer_event e
              where e.customer_id = c.id and e.type in ('ACQUIRED', 'CHURNED', 'REACTIVATED'));

create function customer_summarise_after_events() returns trigger
    language plpgsql as
$$
begin
    update customer c
    set (lifecycle_kind, churned_at, back_at) = (select s.kind, s.churned_at, s.back_at
                                                 from customer_lifecycle_summary(c.id, c.acquired_at) s)
    where c.id in (select e.customer_id from inserted e where e.type in ('ACQUIRED', 'CHURNED', 'REACTIVATED'));
    return null;
end
$$;

create trigger customer_event_summarises_lifecycles
    after insert on customer_event
    referencing new table as inserted
    for each statement
execute function customer_summarise_after_events();

-- A new acquisition time changes which events count.
create function customer_summarise_on_acquisition_change() returns trigger
    language plpgsql as
$$
begin
    select s.kind, s.churned_at, s.back_at
    into new.lifecycle_kind, new.churned_at, new.back_at
    from customer_lifecycle_summary(new.id, new.acquired_at) s;
    return new;
end
$$;

create trigger customer_summarises_lifecycle_on_acquisition
    before update of acquired_at on customer
    for each row
    when (new.acquired_at is distinct from old.acquired_at)
execute function customer_summarise_on_acquisition_change();

-- The events the remaining lifecycles are built from, readable from the index alone in customer order.
create index customer_event_status_idx on customer_event (customer_id, occurred_at) include (type)
    where type in ('ACQUIRED', 'CHURNED', 'REACTIVATED');
