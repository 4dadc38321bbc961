package dev.retention.domain.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.domain.event.EventType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The database hands over a customer as the stretches between boundaries its acquisition, enrolment and spells fall
 * into. For seeded random INACTIVITY histories (instants on boundaries included), the lifecycle rebuilt from the
 * stretches must be active at exactly the same boundaries, and tallies and cohorts over them must give the same
 * figures as over the customers' own lifecycles.
 */
class LifecycleInStretchesTest {

    private static final Instant ORIGIN = Instant.parse("2025-01-01T00:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("Asia/Kathmandu");
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    /** What PostgreSQL's width_bucket(x, boundaries) gives: how many boundaries are at or before x. */
    private static int stretch(Instant instant, List<Instant> boundaries) {
        int count = 0;
        for (Instant boundary : boundaries) {
            if (!boundary.isAfter(instant)) {
                count++;
            }
        }
        return count;
    }

    private static Instant randomInstant(SplittableRandom random, List<Instant> boundaries) {
        if (random.nextInt(5) == 0) {
            return boundaries.get(random.nextInt(boundaries.size())); // exactly on a boundary
        }
        return ORIGIN.plusSeconds(random.nextLong(720L * 86_400));
    }

    @Test
    void theLifecycleRebuiltFromStretchesCountsLikeTheCustomersOwn() {
        SplittableRandom random = new SplittableRandom(20261129);
        ReportingPeriods periods =
                ReportingPeriods.between(LocalDate.of(2025, 3, 1), LocalDate.of(2026, 3, 1), Granularity.MONTH, ZONE);
        Duration window = Duration.ofDays(45);
        LifecycleQuery query = new LifecycleQuery(
                ChurnModel.INACTIVITY, Set.of(EventType.PURCHASE), window, CustomerFilter.ALL, periods.boundaries());
        List<Instant> boundaries = periods.boundaries();

        RetentionTally own = new RetentionTally(periods);
        RetentionTally rebuilt = new RetentionTally(periods);
        CohortTally ownCohorts = new CohortTally(periods, periods.size() - 1);
        CohortTally rebuiltCohorts = new CohortTally(periods, periods.size() - 1);
        RetentionTally ownMembers = new RetentionTally(periods, Membership.MEMBER);
        RetentionTally rebuiltMembers = new RetentionTally(periods, Membership.MEMBER);
        for (int c = 0; c < 2_000; c++) {
            Instant acquired = randomInstant(random, boundaries);
            List<Instant> activity = new ArrayList<>();
            for (int e = random.nextInt(10); e > 0; e--) {
                activity.add(randomInstant(random, boundaries));
            }
            Instant memberSince = random.nextBoolean() ? null : randomInstant(random, boundaries);
            Lifecycle lifecycle = LifecyclePolicy.inactivity(null, acquired, List.of(), activity, window)
                    .orElseThrow()
                    .withMemberSince(memberSince);
            if (!lifecycle.acquiredAt().isBefore(query.until())) {
                continue; // acquired after the range: the database leaves such customers out
            }

            int[] starts = lifecycle.spells().stream()
                    .mapToInt(spell -> stretch(spell.from(), boundaries))
                    .toArray();
            int[] ends = lifecycle.spells().stream()
                    .mapToInt(spell -> stretch(spell.until(), boundaries))
                    .toArray();
            Lifecycle fromStretches = query.lifecycleInStretches(
                    null,
                    stretch(lifecycle.acquiredAt(), boundaries),
                    memberSince == null ? null : stretch(memberSince, boundaries),
                    starts,
                    ends);

            for (Instant boundary : boundaries) {
                assertThat(fromStretches.activeAt(boundary))
                        .as("customer %d at %s", c, boundary)
                        .isEqualTo(lifecycle.activeAt(boundary));
            }
            own.add(lifecycle);
            rebuilt.add(fromStretches);
            ownCohorts.add(lifecycle);
            rebuiltCohorts.add(fromStretches);
            ownMembers.add(lifecycle);
            rebuiltMembers.add(fromStretches);
        }
        List<BigDecimal> noRevenue = Collections.nCopies(periods.size(), BigDecimal.ZERO);
        assertThat(rebuilt.report(noRevenue, Valuation.DEFAULT, NOW))
                .isEqualTo(own.report(noRevenue, Valuation.DEFAULT, NOW));
        assertThat(rebuiltMembers.report(noRevenue, Valuation.DEFAULT, NOW))
                .isEqualTo(ownMembers.report(noRevenue, Valuation.DEFAULT, NOW));
        assertThat(rebuiltCohorts.report(Map.of())).isEqualTo(ownCohorts.report(Map.of()));
        assertThat(own.report(noRevenue, Valuation.DEFAULT, NOW).totals().reactivated())
                .as("some customers lapsed and came back within the range")
                .isPositive();
    }
}
