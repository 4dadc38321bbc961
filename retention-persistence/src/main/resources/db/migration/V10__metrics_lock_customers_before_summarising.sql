-- The contractual summary of a customer is recomputed from its events when status events arrive. Two transactions
-- adding status events for the same customer at once each computed it in their own statement snapshot, so the one
-- that committed last could miss the other's events. The customers are now locked first (in id order), and the
-- summary is computed after the locks, in a statement that sees every committed event.
create or replace function customer_summarise_after_events() returns trigger
    language plpgsql as
$$
declare
    touched uuid[];
begin
    touched := array(select distinct e.customer_id from inserted e
                     where e.type in ('ACQUIRED', 'CHURNED', 'REACTIVATED'));
    if cardinality(touched) = 0 then
        return null;
    end if;
    perform 1 from customer where id = any (touched) order by id for no key update;
    update customer c
    set (lifecycle_kind, churned_at, back_at) = (select s.kind, s.churned_at, s.back_at
                                                 from customer_lifecycle_summary(c.id, c.acquired_at) s)
    where c.id = any (touched);
    return null;
end
$$;
