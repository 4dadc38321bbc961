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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random histories from a seeded generator: the one-pass tally must agree with the definitions applied customer by
 * customer and boundary by boundary, and the identities between the figures must hold.
 */
class RetentionTallyPropertiesTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final Instant ORIGIN = Instant.parse("2025-01-01T00:00:00Z");
    private static final List<String> SEGMENTS = java.util.Arrays.asList("retail", "sme", null);

    private static List<Lifecycle> randomCustomers(SplittableRandom random, int count) {
        List<Lifecycle> customers = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            String segment = SEGMENTS.get(random.nextInt(SEGMENTS.size()));
            Instant acquired = ORIGIN.plusSeconds(random.nextLong(600L * 86_400));
            List<StatusChange> changes = new ArrayList<>();
            List<Instant> activity = new ArrayList<>();
            Instant t = acquired;
            for (int e = random.nextInt(8); e > 0; e--) {
                t = t.plusSeconds(random.nextLong(120L * 86_400));
                EventType type = random.nextBoolean() ? EventType.CHURNED : EventType.REACTIVATED;
                changes.add(new StatusChange(t, type));
                activity.add(t.plusSeconds(random.nextLong(40L * 86_400)));
            }
            Collections.shuffle(changes, new java.util.Random(random.nextLong()));
            customers.add(
                    random.nextBoolean()
                            ? LifecyclePolicy.contractual(segment, acquired, changes)
                                    .orElseThrow()
                            : LifecyclePolicy.inactivity(
                                            segment,
                                            acquired,
                                            List.of(),
                                            activity,
                                            Duration.ofDays(1 + random.nextInt(90)))
                                    .orElseThrow());
        }
        return customers;
    }

    /** Customers who churn at most once, and not in their first 120 days. */
    private static List<Lifecycle> customersWhoChurnOnce(SplittableRandom random, int count) {
        List<Lifecycle> customers = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            Instant acquired = ORIGIN.plusSeconds(random.nextLong(600L * 86_400));
            List<StatusChange> changes = random.nextBoolean()
                    ? List.of()
                    : List.of(new StatusChange(
                            acquired.plusSeconds((120 + random.nextLong(300)) * 86_400L), EventType.CHURNED));
            customers.add(LifecyclePolicy.contractual(null, acquired, changes).orElseThrow());
        }
        return customers;
    }

    private static ReportingPeriods randomPeriods(SplittableRandom random) {
        Granularity granularity = Granularity.values()[random.nextInt(4)];
        ZoneId zone = ZoneId.of(List.of("UTC", "Europe/Berlin", "Asia/Shanghai", "America/New_York")
                .get(random.nextInt(4)));
        LocalDate from = LocalDate.parse("2025-01-01").plusDays(random.nextInt(300));
        return ReportingPeriods.between(from, from.plusDays(30 + random.nextInt(400)), granularity, zone);
    }

    private static List<BigDecimal> zeros(int n) {
        return Collections.nCopies(n, BigDecimal.ZERO);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void theTallyAgreesWithTheDefinitions(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Lifecycle> customers = randomCustomers(random, 300);
        ReportingPeriods periods = randomPeriods(random);
        RetentionTally tally = new RetentionTally(periods);
        customers.forEach(tally::add);

        RetentionReport report = tally.report(zeros(periods.size()), Valuation.DEFAULT, NOW);

        for (int i = 0; i < periods.size(); i++) {
            ReportingPeriod period = periods.get(i);
            long s = 0;
            long e = 0;
            long n = 0;
            long retained = 0;
            long reactivated = 0;
            for (Lifecycle customer : customers) {
                boolean atStart = customer.activeAt(period.start());
                boolean atEnd = customer.activeAt(period.end());
                boolean isNew = period.contains(customer.acquiredAt());
                s += atStart ? 1 : 0;
                e += atEnd ? 1 : 0;
                n += isNew ? 1 : 0;
                retained += atStart && atEnd ? 1 : 0;
                reactivated += atEnd && !atStart && !isNew ? 1 : 0;
            }
            RetentionFigures figures = report.periods().get(i);
            assertThat(List.of(
                            figures.startCustomers(),
                            figures.endCustomers(),
                            figures.newCustomers(),
                            figures.retained(),
                            figures.churned(),
                            figures.reactivated()))
                    .as("period %s seed %d", period, seed)
                    .containsExactly(s, e, n, retained, s - retained, reactivated);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23, 24, 25})
    void crrAndChurnAddUpToHundredWhenNoNewcomerLeftAndNobodyCameBack(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Lifecycle> customers = customersWhoChurnOnce(random, 300);
        ReportingPeriods periods = randomPeriods(random);
        RetentionTally tally = new RetentionTally(periods);
        customers.forEach(tally::add);

        List<RetentionFigures> rows =
                tally.report(zeros(periods.size()), Valuation.DEFAULT, NOW).periods();

        int checked = 0;
        for (int i = 0; i < periods.size(); i++) {
            ReportingPeriod period = periods.get(i);
            boolean newcomerLeft =
                    customers.stream().anyMatch(c -> period.contains(c.acquiredAt()) && !c.activeAt(period.end()));
            RetentionFigures figures = rows.get(i);
            if (!newcomerLeft && figures.reactivated() == 0 && figures.startCustomers() > 0) {
                assertThat(figures.crr().add(figures.churnRate())).isEqualByComparingTo("100.0000");
                checked++;
            }
        }
        assertThat(checked).isPositive();
    }

    @ParameterizedTest
    @ValueSource(longs = {31, 32, 33})
    void cohortOffsetZeroIsTheSizeLessThoseWhoLeftInTheirFirstPeriod(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Lifecycle> customers = randomCustomers(random, 400);
        ReportingPeriods periods = randomPeriods(random);
        CohortTally tally = new CohortTally(periods, 3);
        customers.forEach(tally::add);

        List<CohortTally.Cohort> cohorts = tally.report(Map.of());

        for (int c = 0; c < periods.size(); c++) {
            ReportingPeriod period = periods.get(c);
            List<Lifecycle> members = customers.stream()
                    .filter(x -> period.contains(x.acquiredAt()))
                    .toList();
            long leftInFirstPeriod =
                    members.stream().filter(x -> !x.activeAt(period.end())).count();
            assertThat(cohorts.get(c).size()).isEqualTo(members.size());
            assertThat(cohorts.get(c).offsets().get(0).active()).isEqualTo(members.size() - leftInFirstPeriod);
        }
    }

    @Test
    void segmentCountsAddUpToTheTotals() {
        SplittableRandom random = new SplittableRandom(99);
        List<Lifecycle> customers = randomCustomers(random, 500);
        ReportingPeriods periods = randomPeriods(random);
        RetentionTally all = new RetentionTally(periods);
        Map<String, RetentionTally> bySegment = new HashMap<>();
        for (Lifecycle customer : customers) {
            all.add(customer);
            bySegment
                    .computeIfAbsent(customer.segment(), segment -> new RetentionTally(periods))
                    .add(customer);
        }

        RetentionReport total = all.report(zeros(periods.size()), Valuation.DEFAULT, NOW);
        List<RetentionReport> parts = bySegment.values().stream()
                .map(tally -> tally.report(zeros(periods.size()), Valuation.DEFAULT, NOW))
                .toList();

        for (int i = 0; i < periods.size(); i++) {
            int period = i;
            RetentionFigures whole = total.periods().get(i);
            assertThat(parts.stream()
                            .mapToLong(p -> p.periods().get(period).startCustomers())
                            .sum())
                    .isEqualTo(whole.startCustomers());
            assertThat(parts.stream()
                            .mapToLong(p -> p.periods().get(period).endCustomers())
                            .sum())
                    .isEqualTo(whole.endCustomers());
            assertThat(parts.stream()
                            .mapToLong(p -> p.periods().get(period).newCustomers())
                            .sum())
                    .isEqualTo(whole.newCustomers());
            assertThat(parts.stream()
                            .mapToLong(p -> p.periods().get(period).retained())
                            .sum())
                    .isEqualTo(whole.retained());
            assertThat(parts.stream()
                            .mapToLong(p -> p.periods().get(period).reactivated())
                            .sum())
                    .isEqualTo(whole.reactivated());
        }
    }
}
