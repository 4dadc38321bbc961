package dev.retention.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private final RetrySchedule schedule = RetrySchedule.DEFAULT;

    @Test
    void theWaitDoublesFromFiveSecondsWithinHalfToAllOfIt() {
        // attempt n waits between half and all of 5 s × 2^(n - 1)
        assertThat(schedule.waitAfter(1, () -> 0.0)).isEqualTo(Duration.ofMillis(2_500));
        assertThat(schedule.waitAfter(1, () -> 0.999999)).isBetween(Duration.ofMillis(4_999), Duration.ofSeconds(5));
        assertThat(schedule.waitAfter(2, () -> 0.0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(schedule.waitAfter(4, () -> 0.5)).isEqualTo(Duration.ofSeconds(30)); // 40 s × 0.75
    }

    @Test
    void theWaitStopsGrowingAtAnHour() {
        assertThat(schedule.waitAfter(11, () -> 0.0)).isEqualTo(Duration.ofMinutes(30)); // 5 s × 1024 > 1 h
        assertThat(schedule.waitAfter(500, () -> 0.999999)).isBetween(Duration.ofMinutes(59), Duration.ofHours(1));
    }

    @Test
    void aDeliveryIsGivenUpAndASubscriptionStoppedAfterADay() {
        Instant start = Instant.parse("2026-11-30T08:00:00Z");

        assertThat(schedule.givesUp(start, start.plus(Duration.ofHours(24)).minusMillis(1)))
                .isFalse();
        assertThat(schedule.givesUp(start, start.plus(Duration.ofHours(24)))).isTrue();
        assertThat(schedule.stopsSubscription(null, start)).isFalse();
        assertThat(schedule.stopsSubscription(start, start.plus(Duration.ofHours(23))))
                .isFalse();
        assertThat(schedule.stopsSubscription(start, start.plus(Duration.ofHours(24))))
                .isTrue();
    }
}
