package dev.retention.persistence.security;

import dev.retention.domain.security.TokenBuckets;
import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The token bucket in one statement, run on its own (autocommit): the bucket's row is locked only while the statement
 * runs. The refill rule is the database function {@code rate_limit_tokens_now} (on the database's clock).
 */
@Repository
class TokenBucketPersistenceAdapter implements TokenBuckets {

    /** Parameters: credential, capacity; capacity, perSecond; capacity, perSecond. */
    private static final String TAKE = """
            insert into rate_limit_bucket as b (credential, tokens, drawn_at)
            values (?, ?::float8 - 1, clock_timestamp())
            on conflict (credential) do update
                set tokens = rate_limit_tokens_now(b.tokens, b.drawn_at, ?, ?) - 1, drawn_at = clock_timestamp()
                where rate_limit_tokens_now(b.tokens, b.drawn_at, ?, ?) >= 1
            returning tokens
            """;

    /** Parameters: capacity, perSecond, credential. */
    private static final String TOKENS_NOW =
            "select rate_limit_tokens_now(tokens, drawn_at, ?, ?) from rate_limit_bucket where credential = ?";

    private final JdbcTemplate jdbc;

    TokenBucketPersistenceAdapter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Take take(String credential, long capacity, long perSecond) {
        List<Double> left =
                jdbc.queryForList(TAKE, Double.class, credential, capacity, capacity, perSecond, capacity, perSecond);
        if (!left.isEmpty()) {
            return new Take(true, Duration.ZERO);
        }
        List<Double> tokens = jdbc.queryForList(TOKENS_NOW, Double.class, capacity, perSecond, credential);
        double missing = 1 - (tokens.isEmpty() ? 0 : tokens.get(0));
        return new Take(false, Duration.ofNanos((long) Math.ceil(Math.max(missing, 0) / perSecond * 1e9)));
    }
}
