-- A free order (a 100% voucher, a free sample) is a purchase of 0: activity without revenue. Refunds stay positive.
-- The new check is added NOT VALID and validated in a second step: validating scans the table under a lock that lets
-- reads and writes go on, where adding a checked constraint at once would block writes for the whole scan.
alter table customer_event drop constraint customer_event_amount_positive;
alter table customer_event
    add constraint customer_event_amount_not_negative
        check (amount is null or amount > 0 or (amount = 0 and type = 'PURCHASE')) not valid;
alter table customer_event validate constraint customer_event_amount_not_negative;
