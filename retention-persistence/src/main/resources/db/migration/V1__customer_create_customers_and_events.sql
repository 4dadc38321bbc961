-- Customers as the CRM knows them, and everything they do.

create table customer (
    id                    uuid         primary key,
    external_id           varchar(128) not null,
    name                  varchar(200),
    email                 varchar(254),
    segment               varchar(64),
    acquired_at           timestamptz,
    -- false while acquired_at is derived from the customer's first event
    acquired_at_explicit  boolean      not null default false,
    attributes            jsonb        not null default '{}'::jsonb,
    created_at            timestamptz  not null,
    updated_at            timestamptz  not null,
    erased_at             timestamptz,
    version               bigint       not null default 0,
    constraint customer_external_id_uq unique (external_id),
    constraint customer_attributes_is_object check (jsonb_typeof(attributes) = 'object')
);

create index customer_segment_idx on customer (segment);
create index customer_acquired_at_idx on customer (acquired_at);
create index customer_created_at_idx on customer (created_at, id);

create table customer_event (
    id           uuid          primary key,
    customer_id  uuid          not null references customer (id),
    type         varchar(32)   not null,
    occurred_at  timestamptz   not null,
    amount       numeric(19,4),
    currency     char(3),
    product_id   varchar(128),
    properties   jsonb         not null default '{}'::jsonb,
    event_key    varchar(128)  not null,
    recorded_at  timestamptz   not null,
    constraint customer_event_key_uq unique (customer_id, event_key),
    constraint customer_event_type_known check (type in
        ('ACQUIRED', 'PURCHASE', 'REFUND', 'CHURNED', 'REACTIVATED', 'LOGIN', 'SUPPORT_CONTACT', 'FEEDBACK')),
    constraint customer_event_amount_only_for_money check (
        (type in ('PURCHASE', 'REFUND')) = (amount is not null and currency is not null)
        and (amount is null) = (currency is null)),
    constraint customer_event_amount_positive check (amount is null or amount > 0),
    constraint customer_event_properties_is_object check (jsonb_typeof(properties) = 'object')
);

-- A customer's history, and the per-customer state at a boundary that the metrics need.
create index customer_event_customer_time_idx on customer_event (customer_id, occurred_at);
-- Revenue and event counts by type over a period.
create index customer_event_type_time_idx on customer_event (type, occurred_at);
