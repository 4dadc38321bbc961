-- Scheduled work (the model refit, the loyalty expiry and tiers) runs on one instance per firing: the first instance
-- to fire takes the job's row until its work is done and at least a minute has passed, and the others skip it.
create table shedlock (
    name       varchar(64)  primary key,
    lock_until timestamptz  not null,
    locked_at  timestamptz  not null,
    locked_by  varchar(255) not null
);
