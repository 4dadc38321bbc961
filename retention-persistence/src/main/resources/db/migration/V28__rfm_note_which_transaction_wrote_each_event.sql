-- Every instance keeps every customer's purchases and refunds in memory for the RFM scores and takes in only what was
-- written since it last looked. Each new event carries the transaction that wrote it, so that the events written
-- after a snapshot are those of transactions the snapshot did not see (pg_visible_in_snapshot), found through an
-- index instead of by reading every event. Events written before this migration carry none: they are read whole
-- when an instance starts. Events are never updated or deleted by the service; a statement that does so anyway (SQL
-- run by hand, a test emptying tables) notes its transaction, and an instance that finds such a note reads all again.
alter table customer_event add column written_by xid8;
alter table customer_event alter column written_by set default pg_current_xact_id();
create index customer_event_money_written_by on customer_event (written_by)
    where written_by is not null and type in ('PURCHASE', 'REFUND');

create table customer_event_rewrite (
    written_by xid8 primary key
);

create function note_event_rewrite() returns trigger
    language plpgsql as
$$
begin
    insert into customer_event_rewrite (written_by) values (pg_current_xact_id()) on conflict do nothing;
    return null;
end;
$$;

create trigger customer_event_noted_rewrite after update or delete or truncate on customer_event
    for each statement execute function note_event_rewrite();
