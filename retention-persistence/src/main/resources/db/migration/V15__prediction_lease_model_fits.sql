-- A running fit belongs to the instance that started it for as long as that instance renews its lease. A fit whose
-- lease ran out (its instance died) or that waited too long in a queue that no longer exists is queued again and
-- run by another instance; starting a fit is atomic (QUEUED to RUNNING), so each runs once at a time.
alter table clv_model
    add column owner       varchar(200),
    add column lease_until timestamptz;

create index clv_model_unfinished_idx on clv_model (status, lease_until) where status in ('QUEUED', 'RUNNING');
