-- Every statement that changes what reports are computed from marks its transaction as a data change, so that the
-- instance that made it can drop its cached reports as soon as the transaction commits, and announces it on the
-- channel retention_data_changed, so that every other instance drops them within moments (PostgreSQL delivers a
-- notification when its transaction commits, once per transaction and channel), whichever path made the change (the
-- API, a job, or SQL run in the database). API keys and the audit log are not report data and are left out. Model
-- fits mark the change when their status moves, not at each progress update.
create function note_data_change() returns trigger
    language plpgsql as
$$
begin
    perform set_config('retention.data_changed', 'on', true);
    perform pg_notify('retention_data_changed', '');
    return null;
end;
$$;

do
$$
declare
    report_table text;
begin
    foreach report_table in array array['customer', 'customer_event', 'customer_activity', 'customer_purchase_rhythm',
            'revenue_by_quarter_hour', 'activity_spell_settings', 'customer_prediction', 'customer_feedback',
            'loyalty_programme_version', 'loyalty_account', 'loyalty_lot', 'loyalty_transaction',
            'loyalty_redemption', 'loyalty_reward', 'strategy', 'strategy_assignment', 'strategy_touch']
    loop
        execute format('create trigger %I after insert or update or delete or truncate on %I '
                || 'for each statement execute function note_data_change()', report_table || '_noted_change',
                report_table);
    end loop;
end;
$$;

create trigger clv_model_noted_change after insert or delete or update of status on clv_model
    for each statement execute function note_data_change();
