-- A fit changes what reports show when it ends (its predictions, P(alive) in the at-risk list). The trigger of V12
-- fired for every statement that names the status column, even one that changes no row: the lease check that every
-- instance runs every 10 s (re-queue the fits whose owner stopped, usually none) marked a data change each time, and
-- every instance dropped its cached reports. A row trigger fires only for rows that change: here, a fit that ends.
drop trigger clv_model_noted_change on clv_model;

create trigger clv_model_noted_outcome after update of status on clv_model
    for each row when (old.status is distinct from new.status and new.status in ('SUCCEEDED', 'FAILED'))
    execute function note_data_change();

create trigger clv_model_noted_removal after delete or truncate on clv_model
    for each statement execute function note_data_change();
