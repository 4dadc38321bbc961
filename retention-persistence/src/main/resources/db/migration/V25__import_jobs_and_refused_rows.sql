-- Imports of CSV files: the job with its mapping and progress, and the rows it could not store, with why.
create table import_job (
    id               uuid         primary key,
    mapping          jsonb        not null,
    status           varchar(16)  not null check (status in ('AWAITING_FILE', 'QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    file_bytes       bigint       not null default 0,
    rows_read        bigint       not null default 0,
    stored           bigint       not null default 0,
    duplicates       bigint       not null default 0,
    refused          bigint       not null default 0,
    bytes_read       bigint       not null default 0,
    created_at       timestamptz  not null,
    started_at       timestamptz,
    updated_at       timestamptz  not null,
    finished_at      timestamptz,
    error            text
);

create index import_job_created_idx on import_job (created_at desc, id);

create table import_refusal (
    import_id  uuid    not null references import_job (id) on delete cascade,
    line       bigint  not null,
    text       text    not null,
    reason     text    not null,
    primary key (import_id, line)
);
