-- Retention strategies, the customers each one targeted with their side of the experiment, and touches.
create table strategy (
    id               uuid          primary key,
    name             varchar(200)  not null,
    type             varchar(32)   not null,
    action           varchar(2000) not null,
    channel          varchar(16)   not null,
    target_rfm       text[]        not null,
    target_segment   varchar(100),
    target_at_risk   boolean       not null,
    starts_at        timestamptz   not null,
    ends_at          timestamptz   not null check (ends_at > starts_at),
    holdout_percent  integer       not null check (holdout_percent between 1 and 50),
    status           varchar(16)   not null check (status in ('DRAFT', 'ACTIVE', 'COMPLETED', 'CANCELLED')),
    created_at       timestamptz   not null,
    activated_at     timestamptz,
    updated_at       timestamptz   not null
);

create index strategy_created_idx on strategy (created_at desc, id);

create table strategy_assignment (
    strategy_id  uuid         not null references strategy (id),
    customer_id  uuid         not null references customer (id),
    assigned_to  varchar(16)  not null check (assigned_to in ('TREATMENT', 'HOLDOUT')),
    assigned_at  timestamptz  not null,
    primary key (strategy_id, customer_id)
);

create table strategy_touch (
    id           uuid         primary key,
    strategy_id  uuid         not null,
    customer_id  uuid         not null,
    kind         varchar(16)  not null check (kind in ('SENT', 'OPENED', 'REDEEMED')),
    occurred_at  timestamptz  not null,
    recorded_at  timestamptz  not null,
    foreign key (strategy_id, customer_id) references strategy_assignment (strategy_id, customer_id)
);

create index strategy_touch_strategy_idx on strategy_touch (strategy_id, occurred_at);
