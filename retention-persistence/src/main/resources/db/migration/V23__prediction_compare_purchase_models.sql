-- A comparison fits several purchase models on one calibration/holdout split. Its fits are ordinary fits (queued,
-- leased, taken over like the others) that score no customer and never become their segment's model.
alter table clv_model add column comparison_id uuid;
create index clv_model_comparison_idx on clv_model (comparison_id) where comparison_id is not null;
