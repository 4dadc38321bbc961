-- Net revenue, stated once: a purchase adds its amount, a refund takes it back, other events carry no revenue (null,
-- which sums ignore). A plain SQL function, so the planner inlines it where it is used.
create function net_revenue(p_type varchar, p_amount numeric) returns numeric
    language sql immutable parallel safe as
$$
select case p_type when 'PURCHASE' then p_amount when 'REFUND' then -p_amount end
$$;

create or replace function revenue_add_inserted_events() returns trigger
    language plpgsql as
$$
begin
    insert into revenue_by_quarter_hour (bucket, revenue)
    select date_bin('15 minutes', occurred_at, timestamptz '2000-01-01 00:00:00+00'),
           sum(net_revenue(type, amount))
    from inserted
    where type in ('PURCHASE', 'REFUND')
    group by 1
    order by 1
    on conflict (bucket) do update set revenue = revenue_by_quarter_hour.revenue + excluded.revenue;
    return null;
end;
$$;
