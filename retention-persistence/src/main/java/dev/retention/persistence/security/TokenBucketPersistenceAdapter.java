package dev.retention.persistence.security;

import dev.retention.domain.security.TokenBuckets;
import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The token buckets in the database, one call per lot of tokens, run on its own (autocommit): the bucket's row is
 * locked only while the call runs. The rules are the database functions {@code rate_limit_reserve} and, for the
 * refill, {@code rate_limit_tokens_now} (on the database's clock, so that instances with different clocks agree).
 */
@Repository
class TokenBucketPersistenceAdapter implements TokenBuckets {

    private static final String RESERVE = "select granted, wait_seconds from rate_limit_reserve(?, ?, ?, ?)";

    private final JdbcTemplate jdbc;

    TokenBucketPersistenceAdapter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Reservation reserve(String credential, long wanted, long capacity, long perSecond) {
        return jdbc.queryForObject(
                RESERVE,
                (row, number) -> new Reservation(row.getLong("granted"), Duration.ofNanos((long)
                        Math.ceil(Math.max(row.getDouble("wait_seconds"), 0) * 1e9))),
                credential,
                wanted,
                (double) capacity,
                (double) perSecond);
    }
}
