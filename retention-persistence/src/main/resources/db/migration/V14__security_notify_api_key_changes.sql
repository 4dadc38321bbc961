-- Several instances of the service share one database. Every change to whether an API key may be used (revocation,
-- expiry, scopes, removal) is announced on the channel retention_api_keys_changed when its transaction commits, so
-- that every instance forgets the keys it cached, whichever instance or SQL session made the change.
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
