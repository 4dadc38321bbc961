-- The token bucket of each credential, shared by every instance of the service, so that the rate limit holds for the
-- whole deployment rather than per instance: the tokens left when it was last drawn from, and when. Unlogged: taking a
-- token then costs no write-ahead log and no wait for a disk flush; after a crash of the database the buckets start
-- full again, which only forgives one burst.
create unlogged table rate_limit_bucket (
    credential varchar(300)     primary key,
    tokens     double precision not null,
    drawn_at   timestamptz      not null
);
