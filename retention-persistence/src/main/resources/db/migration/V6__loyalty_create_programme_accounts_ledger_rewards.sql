-- The loyalty programme's rules, one row per version; a version applies from effective_from until the next.
create table loyalty_programme_version (
    id                     uuid          primary key,
    effective_from         timestamptz   not null unique,
    points_per_unit        numeric(9, 4) not null check (points_per_unit > 0),
    tiers                  jsonb         not null check (jsonb_typeof(tiers) = 'array'),
    points_lifetime_months integer       check (points_lifetime_months between 1 and 120),
    auto_enrol             boolean       not null,
    created_at             timestamptz   not null
);

create table loyalty_account (
    customer_id     uuid         primary key references customer (id),
    enrolled_at     timestamptz  not null,
    balance         bigint       not null check (balance >= 0),
    lifetime_points bigint       not null check (lifetime_points >= 0),
    shortfall       bigint       not null check (shortfall >= 0),
    tier            varchar(50)  not null,
    tier_since      timestamptz  not null,
    updated_at      timestamptz  not null
);

-- Points earned (or added) at one time; spending takes the lots that expire first.
create table loyalty_lot (
    id          uuid         primary key,
    customer_id uuid         not null references loyalty_account (customer_id),
    earned_at   timestamptz  not null,
    expires_at  timestamptz,
    points      bigint       not null check (points > 0),
    remaining   bigint       not null check (remaining >= 0 and remaining <= points)
);

create index loyalty_lot_open_idx on loyalty_lot (customer_id, expires_at, earned_at) where remaining > 0;
create index loyalty_lot_expiry_idx on loyalty_lot (expires_at) where remaining > 0 and expires_at is not null;

create table loyalty_reward (
    id            uuid          primary key,
    name          varchar(200)  not null,
    description   varchar(2000),
    cost_points   bigint        not null check (cost_points > 0),
    stock         integer       check (stock >= 0),
    active_from   timestamptz,
    active_until  timestamptz,
    minimum_tier  varchar(50),
    archived      boolean       not null,
    created_at    timestamptz   not null,
    updated_at    timestamptz   not null
);

create table loyalty_redemption (
    id              uuid          primary key,
    customer_id     uuid          not null references loyalty_account (customer_id),
    reward_id       uuid          not null references loyalty_reward (id),
    idempotency_key varchar(128)  not null,
    points          bigint        not null check (points > 0),
    redeemed_at     timestamptz   not null,
    constraint loyalty_redemption_key_uq unique (customer_id, idempotency_key)
);

-- The append-only ledger: the balance of an account is the sum of its entries.
create table loyalty_transaction (
    id                uuid         primary key,
    customer_id       uuid         not null references loyalty_account (customer_id),
    type              varchar(16)  not null check (type in ('EARN', 'REDEEM', 'EXPIRE', 'ADJUST', 'CLAWBACK')),
    points            bigint       not null,
    balance_after     bigint       not null check (balance_after >= 0),
    qualifying_points bigint       not null,
    shortfall         bigint       not null check (shortfall >= 0),
    occurred_at       timestamptz  not null,
    recorded_at       timestamptz  not null,
    event_id          uuid         references customer_event (id),
    redemption_id     uuid         references loyalty_redemption (id),
    lot_id            uuid         references loyalty_lot (id),
    reason            varchar(500),
    -- an event earns or claws back once, a lot expires once
    constraint loyalty_transaction_event_uq unique (event_id),
    constraint loyalty_transaction_expiry_uq unique (lot_id)
);

create index loyalty_transaction_ledger_idx on loyalty_transaction (customer_id, recorded_at desc, id);
create index loyalty_transaction_qualifying_idx on loyalty_transaction (customer_id, occurred_at)
    where qualifying_points <> 0;
