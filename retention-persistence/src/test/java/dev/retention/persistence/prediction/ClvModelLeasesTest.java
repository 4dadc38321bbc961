package dev.retention.persistence.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.domain.prediction.ClvModels;
import dev.retention.persistence.support.AdapterTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** Fits held under leases: who may start one, which ones are abandoned, and what a stopping instance gives back. */
@SpringJUnitConfig({AdapterTest.Infrastructure.class, ClvModelPersistenceAdapter.class})
class ClvModelLeasesTest extends AdapterTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @Autowired
    private ClvModels models;

    private UUID model(String status, Instant requestedAt, String owner, Instant leaseUntil) {
        UUID id = UUID.randomUUID();
        jdbc.update(
                "insert into clv_model (id, trigger, calibration_end, time_unit, horizon_months, "
                        + "monthly_discount_rate, zone, status, stage, progress_percent, requested_at, owner, "
                        + "lease_until) values (?, 'request', '2026-10-31', 'WEEK', 12, 0.01, 'UTC', ?, 'x', 0, ?, ?, ?)",
                id,
                status,
                java.sql.Timestamp.from(requestedAt),
                owner,
                leaseUntil == null ? null : java.sql.Timestamp.from(leaseUntil));
        return id;
    }

    private String status(UUID id) {
        return jdbc.queryForObject("select status from clv_model where id = ?", String.class, id);
    }

    @Test
    void aQueuedFitIsStartedByOneInstanceOnly() {
        UUID queued = model("QUEUED", NOW, null, null);

        boolean first = models.start(queued, "a", NOW, NOW.plusSeconds(30));
        boolean second = models.start(queued, "b", NOW, NOW.plusSeconds(30));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(jdbc.queryForObject("select owner from clv_model where id = ?", String.class, queued))
                .isEqualTo("a");
    }

    @Test
    void runningFitsWithLapsedLeasesAndLongQueuedOnesAreReclaimedOnce() {
        UUID lapsed = model("RUNNING", NOW.minusSeconds(600), "gone", NOW.minusSeconds(1));
        UUID held = model("RUNNING", NOW.minusSeconds(600), "alive", NOW.plusSeconds(20));
        UUID longQueued = model("QUEUED", NOW.minusSeconds(60), null, null);
        UUID justQueued = model("QUEUED", NOW.minusSeconds(5), null, null);
        model("SUCCEEDED", NOW.minusSeconds(600), "gone", NOW.minusSeconds(500));

        var reclaimed = models.reclaim(NOW, NOW.minusSeconds(30), NOW.plusSeconds(30));
        var again = models.reclaim(NOW.plusSeconds(1), NOW.minusSeconds(29), NOW.plusSeconds(31));

        assertThat(reclaimed).containsExactlyInAnyOrder(lapsed, longQueued);
        assertThat(again).isEmpty();
        assertThat(status(lapsed)).isEqualTo("QUEUED");
        assertThat(status(held)).isEqualTo("RUNNING");
        assertThat(status(justQueued)).isEqualTo("QUEUED");
        assertThat(models.start(lapsed, "taker", NOW, NOW.plusSeconds(30))).isTrue();
    }

    @Test
    void aStoppingInstanceGivesBackOnlyItsOwnRunningFitsAndRenewsOnlyItsOwn() {
        UUID mine = model("RUNNING", NOW, "me", NOW.plusSeconds(5));
        UUID theirs = model("RUNNING", NOW, "other", NOW.plusSeconds(5));

        models.renewLeases("me", NOW.plusSeconds(60));
        Instant mineUntil = jdbc.queryForObject("select lease_until from clv_model where id = ?", Instant.class, mine);
        models.handBack("me");

        assertThat(mineUntil).isEqualTo(NOW.plusSeconds(60));
        assertThat(status(mine)).isEqualTo("QUEUED");
        assertThat(status(theirs)).isEqualTo("RUNNING");
        assertThat(jdbc.queryForObject("select lease_until from clv_model where id = ?", Instant.class, theirs))
                .isEqualTo(NOW.plusSeconds(5));
    }
}
