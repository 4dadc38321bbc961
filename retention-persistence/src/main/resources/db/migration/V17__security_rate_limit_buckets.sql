-- The token bucket of each credential, shared by every instance of the service, so that the rate limit holds for the
-- whole deployment rather than per instance: the tokens left when it was last drawn from, and when. Unlogged: taking a
-- token then costs no write-ahead log and no wait for a disk flush; after a crash of the database the buckets start
-- full again, which only forgives one burst.
create unlogged table rate_limit_bucket (
    credential varchar(300)     primary key,
    tokens     double precision not null,
    drawn_at   timestamptz      not null
);

-- The refill rule, stated once: a bucket gains p_per_second tokens a second since it was last drawn from, up to its
-- capacity, by the database's clock (so that instances with different clocks agree).
create function rate_limit_tokens_now(p_tokens double precision, p_drawn_at timestamptz,
                                      p_capacity double precision, p_per_second double precision)
    returns double precision
    language sql volatile as
$$
select least(p_capacity, p_tokens + extract(epoch from clock_timestamp() - p_drawn_at) * p_per_second)
$$;
