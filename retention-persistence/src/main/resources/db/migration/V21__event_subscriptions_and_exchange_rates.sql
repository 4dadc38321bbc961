-- Subscriptions: a SUBSCRIPTION event carries the customer's monthly recurring amount from occurred_at on (0 ends it).
-- Exchange rates: an amount sent in another currency is stored converted into the reporting currency (amount,
-- currency), with what was sent (original_amount, original_currency) and the rate used (fx_rate of fx_rate_date).
-- Every check is added NOT VALID and validated in a second step, which lets reads and writes go on during the scan.
alter table customer_event drop constraint customer_event_type_known;
alter table customer_event
    add constraint customer_event_type_known check (type in
        ('ACQUIRED', 'PURCHASE', 'REFUND', 'SUBSCRIPTION', 'CHURNED', 'REACTIVATED', 'LOGIN', 'SUPPORT_CONTACT',
         'FEEDBACK')) not valid;
alter table customer_event validate constraint customer_event_type_known;

alter table customer_event drop constraint customer_event_amount_only_for_money;
alter table customer_event
    add constraint customer_event_amount_only_for_money check (
        (type in ('PURCHASE', 'REFUND', 'SUBSCRIPTION')) = (amount is not null and currency is not null)
        and (amount is null) = (currency is null)) not valid;
alter table customer_event validate constraint customer_event_amount_only_for_money;

alter table customer_event drop constraint customer_event_amount_not_negative;
alter table customer_event
    add constraint customer_event_amount_not_negative
        check (amount is null or amount > 0 or (amount = 0 and type in ('PURCHASE', 'SUBSCRIPTION'))) not valid;
alter table customer_event validate constraint customer_event_amount_not_negative;

alter table customer_event
    add column original_amount   numeric(19,4),
    add column original_currency char(3),
    add column fx_rate           numeric(20,10),
    add column fx_rate_date      date;
alter table customer_event
    add constraint customer_event_conversion_complete check (
        (original_amount is null) = (original_currency is null)
        and (original_amount is null) = (fx_rate is null)
        and (original_amount is null) = (fx_rate_date is null)
        and (original_amount is null or (amount is not null and original_currency <> currency))) not valid;
alter table customer_event validate constraint customer_event_conversion_complete;

-- Subscription changes of every customer in time order, for MRR at period boundaries.
create index customer_event_subscription_idx on customer_event (customer_id, occurred_at)
    where type = 'SUBSCRIPTION';

-- rate: how many units of the reporting currency one unit of currency buys on that UTC day.
create table exchange_rate (
    currency   char(3)        not null,
    rate_date  date           not null,
    rate       numeric(20,10) not null check (rate > 0),
    updated_at timestamptz    not null,
    primary key (currency, rate_date)
);
