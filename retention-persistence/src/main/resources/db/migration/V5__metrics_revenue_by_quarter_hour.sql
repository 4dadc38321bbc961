-- Revenue of all customers per quarter hour (UTC), so that the overall revenue of any range of periods is a sum over
-- a few thousand rows instead of every PURCHASE and REFUND event. Every time zone in use today is offset from UTC by
-- a multiple of 15 minutes, so local midnights fall on quarter-hour boundaries; the service reads the raw events
-- when a boundary does not. Events are never updated or deleted, so inserts are all the table has to follow.
create table revenue_by_quarter_hour (
    bucket   timestamptz    primary key,
    revenue  numeric(21, 4) not null
);

insert into revenue_by_quarter_hour (bucket, revenue)
select date_bin('15 minutes', occurred_at, timestamptz '2000-01-01 00:00:00+00'),
       sum(case when type = 'PURCHASE' then amount else -amount end)
from customer_event
where type in ('PURCHASE', 'REFUND')
group by 1;

-- Buckets are upserted in order, so that concurrent inserts lock them in the same order and cannot deadlock.
create function revenue_add_inserted_events() returns trigger
    language plpgsql as
$$
begin
    insert into revenue_by_quarter_hour (bucket, revenue)
    select date_bin('15 minutes', occurred_at, timestamptz '2000-01-01 00:00:00+00'),
           sum(case when type = 'PURCHASE' then amount else -amount end)
    from inserted
    where type in ('PURCHASE', 'REFUND')
    group by 1
    order by 1
    on conflict (bucket) do update set revenue = revenue_by_quarter_hour.revenue + excluded.revenue;
    return null;
end
$$;

create trigger customer_event_adds_revenue
    after insert on customer_event
    referencing new table as inserted
    for each statement
execute function revenue_add_inserted_events();
