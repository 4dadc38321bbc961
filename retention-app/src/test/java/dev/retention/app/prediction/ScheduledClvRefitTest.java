package dev.retention.app.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScheduledClvRefitTest {

    @Test
    void instancesFiringSecondsApartAgreeOnTheSlot() {
        assertThat(ScheduledClvRefit.slot(Instant.parse("2026-11-25T02:59:58.500Z")))
                .isEqualTo(ScheduledClvRefit.slot(Instant.parse("2026-11-25T03:00:20Z")))
                .isEqualTo("2026-11-25T03:00:00Z");
        assertThat(ScheduledClvRefit.slot(Instant.parse("2026-11-26T03:00:00Z")))
                .isEqualTo("2026-11-26T03:00:00Z");
    }
}
