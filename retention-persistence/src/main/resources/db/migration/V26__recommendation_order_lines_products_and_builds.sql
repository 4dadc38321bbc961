-- Order lines: one purchase or refund of several products is one event with one line per product.
create table customer_event_line (
    event_id    uuid           not null references customer_event (id) on delete cascade,
    line_no     integer        not null,
    product_id  varchar(128)   not null,
    quantity    bigint         not null check (quantity > 0),
    unit_price  numeric(19,4)  not null check (unit_price >= 0),
    primary key (event_id, line_no)
);

create index customer_event_line_product_idx on customer_event_line (product_id);

-- The product catalogue: named by upsert, or learned from the events that mention a product.
create table product (
    id          varchar(128)  primary key,
    name        varchar(300),
    category    varchar(128),
    active      boolean       not null default true,
    created_at  timestamptz   not null default now(),
    updated_at  timestamptz   not null default now()
);

create function product_learn_from_events() returns trigger
    language plpgsql as
$$
begin
    insert into product (id)
    select distinct product_id from inserted where product_id is not null
    order by 1
    on conflict (id) do nothing;
    return null;
end
$$;

create trigger customer_event_learns_products
    after insert on customer_event
    referencing new table as inserted
    for each statement
execute function product_learn_from_events();

create trigger customer_event_line_learns_products
    after insert on customer_event_line
    referencing new table as inserted
    for each statement
execute function product_learn_from_events();

-- Builds of the item-to-item model; the latest one that succeeded serves recommendations.
create table recommendation_build (
    id            uuid         primary key,
    status        varchar(16)  not null check (status in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    settings      jsonb        not null,
    evaluate      boolean      not null,
    customers     bigint,
    orders        bigint,
    products      bigint,
    pairs         bigint,
    evaluation    jsonb,
    error         text,
    created_at    timestamptz  not null,
    started_at    timestamptz,
    finished_at   timestamptz
);

create index recommendation_build_created_idx on recommendation_build (created_at desc, id);

create table product_similarity (
    build_id    uuid              not null references recommendation_build (id) on delete cascade,
    product_id  varchar(128)      not null,
    rank        integer           not null,
    similar_id  varchar(128)      not null,
    score       double precision  not null,
    co_buyers   integer           not null,
    primary key (build_id, product_id, rank)
);

create table product_purchase_stats (
    build_id       uuid          not null references recommendation_build (id) on delete cascade,
    product_id     varchar(128)  not null,
    buyers         integer       not null,
    repeat_buyers  integer       not null,
    repeat_item    boolean       not null,
    primary key (build_id, product_id)
);

-- The most bought products overall (segment '') and per customer segment.
create table product_popularity (
    build_id    uuid          not null references recommendation_build (id) on delete cascade,
    segment     varchar(128)  not null,
    rank        integer       not null,
    product_id  varchar(128)  not null,
    primary key (build_id, segment, rank)
);

-- Recommendations are cached like reports: the catalogue and a build that finishes change them.
create trigger product_noted_change after insert or update or delete or truncate on product
    for each statement execute function note_data_change();

create trigger customer_event_line_noted_change after insert or update or delete or truncate on customer_event_line
    for each statement execute function note_data_change();

create trigger recommendation_build_noted_change after update of status on recommendation_build
    for each statement execute function note_data_change();
