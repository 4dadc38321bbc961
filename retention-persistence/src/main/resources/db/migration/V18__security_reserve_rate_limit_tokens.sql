-- Instances take tokens from a credential's shared bucket in lots (see LimitRequests), so that most requests are
-- decided without a round trip: up to p_wanted whole tokens, as many as the bucket holds. The bucket's row is locked
-- for the call, so concurrent callers never take the same token. When none is left, the answer says how long until
-- the next one comes, in the same call. The refill rule stays rate_limit_tokens_now.
create function rate_limit_reserve(p_credential varchar, p_wanted bigint, p_capacity double precision,
                                   p_per_second double precision, out granted bigint, out wait_seconds double precision)
    language plpgsql volatile as
$$
declare
    v_tokens double precision;
begin
    insert into rate_limit_bucket (credential, tokens, drawn_at)
    values (p_credential, p_capacity, clock_timestamp())
    on conflict (credential) do nothing;
    select rate_limit_tokens_now(tokens, drawn_at, p_capacity, p_per_second) into v_tokens
    from rate_limit_bucket where credential = p_credential
    for update;
    granted := least(p_wanted, floor(v_tokens))::bigint;
    update rate_limit_bucket set tokens = v_tokens - granted, drawn_at = clock_timestamp()
    where credential = p_credential;
    wait_seconds := case when granted = 0 then (1 - v_tokens) / p_per_second else 0 end;
end
$$;
