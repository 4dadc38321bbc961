-- Webhooks. A change that others should hear about writes a signal into webhook_signal in its own transaction (the
-- triggers below for events, tiers and model fits; the scheduled scan for what needs a scan). A dispatcher on any
-- instance turns signals into one delivery per matching subscription, and delivers them; rows are claimed with
-- "for update skip locked", so instances never take the same row.
create table webhook_subscription (
    id                        uuid           primary key,
    url                       varchar(2000)  not null,
    description               varchar(200),
    kinds                     text[]         not null check (cardinality(kinds) > 0),
    segment                   varchar(64),
    minimum_value_at_risk     numeric(19, 4) check (minimum_value_at_risk >= 0),
    probability_alive_below   double precision check (probability_alive_below > 0 and probability_alive_below <= 1),
    churn_rate_above          numeric(7, 4)  check (churn_rate_above >= 0 and churn_rate_above < 100),
    secret                    varchar(100)   not null,
    active                    boolean        not null,
    disabled_reason           text,
    -- since when every delivery attempt failed; null after a success
    failing_since             timestamptz,
    created_at                timestamptz    not null,
    updated_at                timestamptz    not null
);

create index webhook_subscription_created_idx on webhook_subscription (created_at desc, id);

-- The outbox. subscription_id is set for signals found for one subscription (its own threshold).
create table webhook_signal (
    id              uuid         primary key default gen_random_uuid(),
    sequence        bigserial    not null unique,
    kind            varchar(40)  not null,
    subscription_id uuid         references webhook_subscription (id) on delete cascade,
    data            jsonb        not null,
    raised_at       timestamptz  not null default now(),
    fanned_out_at   timestamptz
);

create index webhook_signal_pending_idx on webhook_signal (sequence) where fanned_out_at is null;

create table webhook_delivery (
    id               uuid          primary key default gen_random_uuid(),
    subscription_id  uuid          not null references webhook_subscription (id) on delete cascade,
    signal_id        uuid          not null,
    kind             varchar(40)   not null,
    data             jsonb         not null,
    raised_at        timestamptz   not null,
    status           varchar(16)   not null check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         integer       not null default 0,
    -- the 24 hours of retries count from here (the signal, or the last manual redelivery)
    retry_from       timestamptz   not null,
    next_attempt_at  timestamptz   not null,
    leased_until     timestamptz,
    last_attempt_at  timestamptz,
    last_status_code integer,
    last_error       text,
    delivered_at     timestamptz,
    constraint webhook_delivery_signal_uq unique (subscription_id, signal_id)
);

create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_log_idx on webhook_delivery (subscription_id, raised_at desc, id);

-- What the scheduled scan has announced, so that nothing is announced twice; an entry is removed when its subject
-- leaves the condition (a customer leaves the at-risk list), so that a later return is announced again.
create table webhook_announcement (
    kind          varchar(40)  not null,
    subject       varchar(200) not null,
    announced_at  timestamptz  not null default now(),
    primary key (kind, subject)
);

create function webhook_customer_data(p_customer uuid) returns jsonb language sql stable as $$
    select jsonb_build_object('customerId', c.id, 'externalId', c.external_id, 'segment', c.segment)
    from customer c where c.id = p_customer
$$;

create function webhook_signal_lifecycle_event() returns trigger language plpgsql as $$
begin
    insert into webhook_signal (kind, data)
    values (case new.type when 'CHURNED' then 'customer.churned' else 'customer.reactivated' end,
            webhook_customer_data(new.customer_id)
                || jsonb_build_object('eventId', new.id, 'occurredAt', to_char(new.occurred_at at time zone 'UTC',
                                                                               'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')));
    return null;
end
$$;

create trigger customer_event_webhook_signal
    after insert on customer_event
    for each row when (new.type in ('CHURNED', 'REACTIVATED'))
    execute function webhook_signal_lifecycle_event();

create function webhook_signal_tier_change() returns trigger language plpgsql as $$
begin
    insert into webhook_signal (kind, data)
    values ('loyalty.tier_changed',
            webhook_customer_data(new.customer_id)
                || jsonb_build_object('previousTier', old.tier, 'tier', new.tier,
                                      'tierSince', to_char(new.tier_since at time zone 'UTC',
                                                           'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')));
    return null;
end
$$;

create trigger loyalty_account_webhook_signal
    after update of tier on loyalty_account
    for each row when (old.tier is distinct from new.tier)
    execute function webhook_signal_tier_change();

-- A fit that becomes its segment's model (not a comparison fit): for each subscription with a P(alive) threshold, the
-- customers who crossed it, from at or above under the previous model of the segment (or from no prediction) to
-- below. Runs before the previous model's predictions are removed, in the same transaction.
create function webhook_signal_probability_alive() returns trigger language plpgsql as $$
declare
    previous uuid;
begin
    select m.id into previous from clv_model m
    where m.status = 'SUCCEEDED' and m.segment is not distinct from new.segment and m.comparison_id is null
      and m.id <> new.id
    order by m.finished_at desc, m.id limit 1;

    insert into webhook_signal (kind, subscription_id, data)
    select 'customer.p_alive_below', s.id,
           webhook_customer_data(p.customer_id)
               || jsonb_build_object('modelId', new.id, 'probabilityAlive', p.probability_alive,
                                     'previousProbabilityAlive', before.probability_alive,
                                     'threshold', s.probability_alive_below)
    from webhook_subscription s
    join customer_prediction p on p.model_id = new.id and p.probability_alive < s.probability_alive_below
    left join customer_prediction before on before.model_id = previous and before.customer_id = p.customer_id
    where s.active and 'customer.p_alive_below' = any (s.kinds)
      and (before.probability_alive is null or before.probability_alive >= s.probability_alive_below);
    return null;
end
$$;

create trigger clv_model_webhook_signal
    after update of status on clv_model
    for each row when (new.status = 'SUCCEEDED' and old.status is distinct from 'SUCCEEDED'
                       and new.comparison_id is null)
    execute function webhook_signal_probability_alive();
