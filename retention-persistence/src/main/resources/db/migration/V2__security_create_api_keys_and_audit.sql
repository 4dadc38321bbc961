-- API keys are stored as SHA-256 hashes; the key itself is shown once at creation and never stored.
create table api_key (
    id            uuid          primary key,
    name          varchar(100)  not null,
    prefix        varchar(16)   not null,
    key_hash      char(64)      not null,
    scopes        text[]        not null,
    created_at    timestamptz   not null,
    created_by    varchar(300)  not null,
    last_used_at  timestamptz,
    expires_at    timestamptz,
    revoked_at    timestamptz,
    constraint api_key_hash_uq unique (key_hash)
);

create index api_key_created_at_idx on api_key (created_at desc);

-- Append-only record of administrative actions.
create table audit_entry (
    id           bigint        generated always as identity primary key,
    occurred_at  timestamptz   not null,
    actor        varchar(300)  not null,
    action       varchar(64)   not null,
    target       varchar(300)  not null,
    details      jsonb         not null default '{}'::jsonb
);

create index audit_entry_occurred_at_idx on audit_entry (occurred_at desc, id desc);
