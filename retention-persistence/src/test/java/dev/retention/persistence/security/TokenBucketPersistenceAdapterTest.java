package dev.retention.persistence.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.domain.security.TokenBuckets;
import dev.retention.domain.security.TokenBuckets.Reservation;
import dev.retention.persistence.support.AdapterTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** The shared token bucket: lots up to what it holds, a burst up to capacity, refills by the second, never above. */
@SpringJUnitConfig({AdapterTest.Infrastructure.class, TokenBucketPersistenceAdapter.class})
class TokenBucketPersistenceAdapterTest extends AdapterTest {

    private static final long CAPACITY = 7;
    private static final long PER_SECOND = 2;

    @Autowired
    private TokenBuckets buckets;

    private Reservation reserve(String credential, long wanted) {
        return buckets.reserve(credential, wanted, CAPACITY, PER_SECOND);
    }

    /** As if the bucket had last been drawn from this much earlier. */
    private void age(String credential, Duration by) {
        jdbc.update(
                "update rate_limit_bucket set drawn_at = drawn_at - ? * interval '1 millisecond' where credential = ?",
                by.toMillis(),
                credential);
    }

    @Test
    void aNewBucketIsFullAndGivesLotsUntilEmptyThenSaysWhenTheNextTokenComes() {
        assertThat(reserve("a", 5).tokens()).isEqualTo(5);
        assertThat(reserve("a", 5).tokens()).as("only two were left").isEqualTo(2);
        Reservation refused = reserve("a", 5);

        assertThat(refused.tokens()).isZero();
        // empty, refilling at 2 a second: the next whole token in at most half a second
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMillis(500));
        assertThat(reserve("b", 1).tokens())
                .as("another credential has its own bucket")
                .isEqualTo(1);
    }

    @Test
    void tokensComeBackAtTheRatePerSecondInWholeTokensButNeverAboveCapacity() {
        reserve("a", CAPACITY);
        age("a", Duration.ofMillis(1_600)); // 3.2 tokens back: 3 can be taken, 0.2 stays

        assertThat(reserve("a", 10).tokens()).isEqualTo(3);
        age("a", Duration.ofMillis(400)); // 0.2 + 0.8 = 1.0
        assertThat(reserve("a", 10).tokens()).isEqualTo(1);

        age("a", Duration.ofHours(1)); // full again, but only to capacity
        assertThat(reserve("a", 100).tokens()).isEqualTo(CAPACITY);
    }
}
