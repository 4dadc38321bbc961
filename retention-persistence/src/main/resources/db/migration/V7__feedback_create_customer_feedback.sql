-- Customers' answers (Net Promoter and satisfaction scores); each is also the customer's FEEDBACK event.
create table customer_feedback (
    id           uuid          primary key,
    customer_id  uuid          not null references customer (id),
    event_id     uuid          not null unique references customer_event (id),
    nps_score    smallint      check (nps_score between 0 and 10),
    csat_score   smallint      check (csat_score between 1 and 5),
    channel      varchar(16)   not null,
    comment      varchar(2000),
    strategy_id  uuid,
    occurred_at  timestamptz   not null,
    recorded_at  timestamptz   not null,
    constraint customer_feedback_has_a_score check (nps_score is not null or csat_score is not null)
);

create index customer_feedback_time_idx on customer_feedback (occurred_at);
