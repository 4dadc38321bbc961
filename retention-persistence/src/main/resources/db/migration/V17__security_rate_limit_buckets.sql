-- The token bucket of each credential (Bucket4j's state), shared by every instance of the service, so that the rate
-- limit holds for the whole deployment rather than per instance. Unlogged: taking a token then costs no write-ahead
-- log and no wait for a disk flush at commit; after a crash of the database the buckets start full again, which only
-- forgives a few requests.
create unlogged table rate_limit_bucket (
    id    varchar(300) primary key,
    state bytea
);
