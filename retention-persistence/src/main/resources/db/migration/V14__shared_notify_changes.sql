-- Several instances of the service share one database. Every committed change to report data is also announced on
-- the channel retention_data_changed, and every change to whether an API key may be used (revocation, expiry,
-- scopes, removal) on retention_api_keys_changed, so that each instance drops what it cached within moments,
-- whichever instance or SQL session made the change. PostgreSQL delivers a notification when its transaction
-- commits, once per transaction and channel.
create or replace function note_data_change() returns trigger
    language plpgsql as
$$
begin
    perform set_config('retention.data_changed', 'on', true);
    perform pg_notify('retention_data_changed', '');
    return null;
end;
$$;

create function note_api_key_change() returns trigger
    language plpgsql as
$$
begin
    perform pg_notify('retention_api_keys_changed', '');
    return null;
end;
$$;

create trigger api_key_noted_change after update of revoked_at, expires_at, scopes or delete or truncate on api_key
    for each statement execute function note_api_key_change();
