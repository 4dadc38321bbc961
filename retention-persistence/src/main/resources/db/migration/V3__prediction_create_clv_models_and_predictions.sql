-- Fits of the BG/NBD and Gamma-Gamma models, from request to result.
create table clv_model (
    id                     uuid              primary key,
    trigger                varchar(16)       not null,
    schedule_slot          varchar(200),
    segment                varchar(100),
    calibration_end        date              not null,
    time_unit              varchar(8)        not null,
    horizon_months         integer           not null,
    monthly_discount_rate  numeric(9, 6)     not null,
    zone                   varchar(64)       not null,
    status                 varchar(16)       not null,
    stage                  varchar(200)      not null,
    progress_percent       integer           not null,
    requested_at           timestamptz       not null,
    started_at             timestamptz,
    finished_at            timestamptz,
    error                  text,
    -- BG/NBD: r, alpha, a, b; Gamma-Gamma: p, q, gamma; with log-likelihoods and standard errors of the logs
    bgnbd_parameters       double precision[],
    bgnbd_standard_errors  double precision[],
    bgnbd_log_likelihood   double precision,
    bgnbd_customers        integer,
    bgnbd_evaluations      integer,
    gg_parameters          double precision[],
    gg_standard_errors     double precision[],
    gg_log_likelihood      double precision,
    gg_customers           integer,
    gg_evaluations         integer,
    summarise_millis       bigint,
    fit_millis             bigint,
    score_millis           bigint,
    constraint clv_model_status_ck check (status in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    -- one scheduled fit per schedule slot, however many instances fire
    constraint clv_model_schedule_slot_uq unique (schedule_slot)
);

create index clv_model_requested_at_idx on clv_model (requested_at desc, id);
create index clv_model_current_idx on clv_model (segment, finished_at desc) where status = 'SUCCEEDED';

-- What the latest successful model of each segment expects of each customer it was fitted on.
create table customer_prediction (
    model_id                    uuid              not null references clv_model (id) on delete cascade,
    customer_id                 uuid              not null references customer (id) on delete cascade,
    frequency                   integer           not null,
    recency                     double precision  not null,
    age                         double precision  not null,
    average_repeat_spend        numeric(19, 4)    not null,
    probability_alive           double precision  not null,
    expected_purchases_30_days  double precision  not null,
    expected_purchases_90_days  double precision  not null,
    expected_purchases_365_days double precision  not null,
    expected_average_spend      numeric(19, 4)    not null,
    lifetime_value              numeric(19, 4)    not null,
    primary key (model_id, customer_id)
);

create index customer_prediction_customer_idx on customer_prediction (customer_id);
create index customer_prediction_value_idx on customer_prediction (model_id, lifetime_value desc, customer_id);
create index customer_prediction_alive_idx on customer_prediction (model_id, probability_alive, customer_id);
