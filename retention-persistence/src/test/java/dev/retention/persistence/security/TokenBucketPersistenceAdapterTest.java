package dev.retention.persistence.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.domain.security.TokenBuckets;
import dev.retention.persistence.support.AdapterTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** The shared token bucket: a burst up to capacity, then refills by the second, never above capacity. */
@SpringJUnitConfig({AdapterTest.Infrastructure.class, TokenBucketPersistenceAdapter.class})
class TokenBucketPersistenceAdapterTest extends AdapterTest {

    private static final long CAPACITY = 3;
    private static final long PER_SECOND = 1;

    @Autowired
    private TokenBuckets buckets;

    private boolean take(String credential) {
        return buckets.take(credential, CAPACITY, PER_SECOND).taken();
    }

    /** As if the bucket had last been drawn from this much earlier. */
    private void age(String credential, Duration by) {
        jdbc.update(
                "update rate_limit_bucket set drawn_at = drawn_at - ? * interval '1 millisecond' where credential = ?",
                by.toMillis(),
                credential);
    }

    @Test
    void aNewBucketAllowsABurstOfItsCapacityThenSaysWhenTheNextTokenComes() {
        assertThat(take("a")).isTrue();
        assertThat(take("a")).isTrue();
        assertThat(take("a")).isTrue();
        TokenBuckets.Take refused = buckets.take("a", CAPACITY, PER_SECOND);

        assertThat(refused.taken()).isFalse();
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(take("b")).as("another credential has its own bucket").isTrue();
    }

    @Test
    void tokensComeBackAtTheRatePerSecondButNeverAboveCapacity() {
        for (int i = 0; i < CAPACITY; i++) {
            take("a");
        }
        age("a", Duration.ofMillis(2_100)); // 2.1 tokens back

        assertThat(take("a")).isTrue();
        assertThat(take("a")).isTrue();
        assertThat(take("a")).isFalse();

        age("a", Duration.ofHours(1)); // full again, but only to capacity
        assertThat(take("a")).isTrue();
        assertThat(take("a")).isTrue();
        assertThat(take("a")).isTrue();
        assertThat(take("a")).isFalse();
    }
}
