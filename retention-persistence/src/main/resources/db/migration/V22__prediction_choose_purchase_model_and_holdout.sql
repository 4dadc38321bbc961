-- A fit chooses its purchase model: BG/NBD (the default, as before), MBG/NBD or Pareto/NBD. The columns named
-- bgnbd_* hold the chosen model's fit (its four parameters in the order the model names them: r, alpha, a, b or
-- r, alpha, s, beta); they keep their names so that instances of the previous version keep working while a
-- deployment rolls forward.
alter table clv_model
    add column purchase_model varchar(16) not null default 'BG_NBD',
    add constraint clv_model_purchase_model_ck check (purchase_model in ('BG_NBD', 'MBG_NBD', 'PARETO_NBD'));

-- A fit may hold out the purchases after its calibration end up to holdout_end and report how well it predicted
-- them (per number of repeat purchases in calibration, in total, and as the mean absolute error per customer).
alter table clv_model
    add column holdout_end date,
    add column holdout_validation jsonb,
    add constraint clv_model_holdout_after_calibration_ck check (holdout_end is null or holdout_end > calibration_end);
