-- A fit chooses its purchase model: BG/NBD (the default, as before), MBG/NBD or Pareto/NBD. The columns named
-- bgnbd_* hold the chosen model's fit (its four parameters in the order the model names them: r, alpha, a, b or
-- r, alpha, s, beta); they keep their names so that instances of the previous version keep working while a
-- deployment rolls forward.
alter table clv_model
    add column purchase_model varchar(16) not null default 'BG_NBD',
    add constraint clv_model_purchase_model_ck check (purchase_model in ('BG_NBD', 'MBG_NBD', 'PARETO_NBD'));
