package dev.retention.domain.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.domain.event.EventType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Figures computed by hand from small histories; each customer's story is written next to it. */
class RetentionTallyTest {

    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
    private static final ReportingPeriods Q1 = ReportingPeriods.between(
            LocalDate.parse("2026-01-01"), LocalDate.parse("2026-04-01"), Granularity.MONTH, ZoneOffset.UTC);

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static StatusChange churned(String instant) {
        return new StatusChange(at(instant), EventType.CHURNED);
    }

    private static StatusChange reactivated(String instant) {
        return new StatusChange(at(instant), EventType.REACTIVATED);
    }

    private static Lifecycle contractual(String acquired, StatusChange... changes) {
        return LifecyclePolicy.contractual(null, at(acquired), List.of(changes)).orElseThrow();
    }

    private static RetentionReport report(List<Lifecycle> lifecycles, List<BigDecimal> revenue, Valuation valuation) {
        RetentionTally tally = new RetentionTally(Q1);
        lifecycles.forEach(tally::add);
        return tally.report(revenue, valuation, NOW);
    }

    private static List<Lifecycle> contractualCustomers() {
        return List.of(
                contractual("2025-12-10T09:00:00Z"), // A: always active
                contractual("2025-11-01T00:00:00Z", churned("2026-01-15T12:00:00Z")), // B: churns in January
                contractual("2026-01-01T00:00:00Z"), // C: new on the boundary
                contractual("2026-01-05T00:00:00Z", churned("2026-01-20T00:00:00Z")), // D: new and gone in Jan
                contractual(
                        "2025-10-01T00:00:00Z",
                        churned("2025-12-01T00:00:00Z"), // E: back in February
                        reactivated("2026-02-10T00:00:00Z")),
                contractual("2025-06-01T00:00:00Z", churned("2026-02-01T00:00:00Z"))); // F: churns on Feb 1
    }

    private static final List<BigDecimal> REVENUE =
            List.of(new BigDecimal("100.00"), new BigDecimal("40.25"), BigDecimal.ZERO);

    @Test
    void contractualCountsFollowTheBoundaryRule() {
        RetentionReport report = report(contractualCustomers(), REVENUE, Valuation.DEFAULT);

        RetentionFigures january = report.periods().get(0);
        assertThat(List.of(
                        january.startCustomers(),
                        january.endCustomers(),
                        january.newCustomers(),
                        january.retained(),
                        january.churned(),
                        january.reactivated()))
                .containsExactly(3L, 3L, 2L, 2L, 1L, 0L);
        assertThat(january.crr()).isEqualByComparingTo("33.3333");
        assertThat(january.churnRate()).isEqualByComparingTo("33.3333");
        assertThat(january.strictRetentionRate()).isEqualByComparingTo("66.6667");

        RetentionFigures february = report.periods().get(1);
        assertThat(List.of(
                        february.startCustomers(),
                        february.endCustomers(),
                        february.newCustomers(),
                        february.retained(),
                        february.churned(),
                        february.reactivated()))
                .containsExactly(3L, 3L, 0L, 2L, 1L, 1L);
        assertThat(february.crr()).isEqualByComparingTo("100.0000");

        RetentionFigures march = report.periods().get(2);
        assertThat(List.of(
                        march.startCustomers(),
                        march.endCustomers(),
                        march.newCustomers(),
                        march.retained(),
                        march.churned(),
                        march.reactivated()))
                .containsExactly(3L, 3L, 0L, 3L, 0L, 0L);
        assertThat(march.churnRate()).isEqualByComparingTo("0.0000");
    }

    @Test
    void totalsCoverTheWholeRange() {
        RetentionFigures totals =
                report(contractualCustomers(), REVENUE, Valuation.DEFAULT).totals();

        assertThat(List.of(
                        totals.startCustomers(),
                        totals.endCustomers(),
                        totals.newCustomers(),
                        totals.retained(),
                        totals.churned(),
                        totals.reactivated()))
                .containsExactly(3L, 3L, 2L, 1L, 2L, 1L);
        assertThat(totals.crr()).isEqualByComparingTo("33.3333");
        assertThat(totals.revenue()).isEqualByComparingTo("140.25");
        assertThat(totals.clv()).isNull();
        assertThat(totals.undefined()).containsKey("clv");
    }

    @Test
    void revenueArpuAndLifetimeValue() {
        RetentionReport plain = report(contractualCustomers(), REVENUE, Valuation.DEFAULT);
        RetentionReport discounted =
                report(contractualCustomers(), REVENUE, new Valuation(new BigDecimal("0.5"), new BigDecimal("0.1")));

        RetentionFigures january = plain.periods().get(0);
        assertThat(january.revenue()).isEqualByComparingTo("100.0000");
        assertThat(january.arpu()).isEqualByComparingTo("33.3333"); // 100 / ((3 + 3) / 2)
        assertThat(january.clv()).isEqualByComparingTo("100.0000"); // 33.33... / (1/3)
        assertThat(discounted.periods().get(0).clv())
                .isEqualByComparingTo("42.3077"); // 0.5 * 33.33... * 1.1 / (0.1 + 1/3)
        assertThat(plain.periods().get(1).arpu()).isEqualByComparingTo("13.4167"); // 40.25 / 3
        assertThat(plain.periods().get(1).clv()).isEqualByComparingTo("40.2500"); // 13.41666... / (1/3)
        RetentionFigures march = plain.periods().get(2);
        assertThat(march.clv()).isNull();
        assertThat(march.undefined().get("clv")).contains("unbounded");
    }

    @Test
    void anEmptyPeriodHasNullRatiosWithReasons() {
        RetentionReport report = report(
                List.of(contractual("2026-03-10T00:00:00Z")),
                List.of(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.TEN),
                Valuation.DEFAULT);

        RetentionFigures january = report.periods().get(0);
        assertThat(january.startCustomers()).isZero();
        assertThat(january.crr()).isNull();
        assertThat(january.churnRate()).isNull();
        assertThat(january.arpu()).isNull();
        assertThat(january.clv()).isNull();
        assertThat(january.undefined()).containsKeys("crr", "churnRate", "strictRetentionRate", "arpu", "clv");
        RetentionFigures march = report.periods().get(2);
        assertThat(march.newCustomers()).isEqualTo(1);
        assertThat(march.arpu()).isEqualByComparingTo("20.0000"); // 10 / ((0 + 1) / 2)
        assertThat(march.crr()).isNull();
    }

    @Test
    void theSeedsWorkedExampleGivesEightyPercent() {
        List<Lifecycle> customers = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            customers.add(
                    i < 200
                            ? contractual("2025-06-01T00:00:00Z", churned("2026-01-10T00:00:00Z"))
                            : contractual("2025-06-01T00:00:00Z"));
        }
        for (int i = 0; i < 150; i++) {
            customers.add(contractual("2026-01-15T00:00:00Z"));
        }

        RetentionFigures january =
                report(customers, REVENUE, Valuation.DEFAULT).periods().get(0);

        assertThat(january.startCustomers()).isEqualTo(1_000);
        assertThat(january.newCustomers()).isEqualTo(150);
        assertThat(january.endCustomers()).isEqualTo(950);
        assertThat(january.crr()).isEqualByComparingTo("80.0000");
        assertThat(january.churnRate()).isEqualByComparingTo("20.0000");
    }

    @Test
    void inactivityCountsLapsedWindowsAsChurnAndLaterActivityAsReactivation() {
        Duration window = Duration.ofDays(30);
        List<Lifecycle> customers = List.of(
                // G: acquired Dec 20, no purchase: active until Jan 19
                LifecyclePolicy.inactivity(null, at("2025-12-20T00:00:00Z"), List.of(), List.of(), window)
                        .orElseThrow(),
                // H: purchases Dec 15, Jan 20, Mar 5: active Jan 1 and Feb 1, lapsed by Mar 1, back by Apr 1
                LifecyclePolicy.inactivity(
                                null,
                                at("2025-11-01T00:00:00Z"),
                                List.of(),
                                List.of(
                                        at("2026-03-05T00:00:00Z"),
                                        at("2025-12-15T00:00:00Z"),
                                        at("2026-01-20T00:00:00Z")),
                                window)
                        .orElseThrow(),
                // I: acquired Dec 2: its window ends exactly on Jan 1, which still counts as active
                LifecyclePolicy.inactivity(null, at("2025-12-02T00:00:00Z"), List.of(), List.of(), window)
                        .orElseThrow());

        RetentionReport report = report(customers, REVENUE, Valuation.DEFAULT);

        RetentionFigures january = report.periods().get(0);
        assertThat(List.of(january.startCustomers(), january.endCustomers(), january.retained(), january.churned()))
                .containsExactly(3L, 1L, 1L, 2L);
        RetentionFigures february = report.periods().get(1);
        assertThat(List.of(february.startCustomers(), february.endCustomers(), february.churned()))
                .containsExactly(1L, 0L, 1L);
        assertThat(february.crr()).isEqualByComparingTo("0.0000");
        RetentionFigures march = report.periods().get(2);
        assertThat(List.of(march.startCustomers(), march.endCustomers(), march.reactivated()))
                .containsExactly(0L, 1L, 1L);
        assertThat(march.crr()).isNull();
    }

    @Test
    void periodsThatEndAfterNowAreIncomplete() {
        RetentionTally tally = new RetentionTally(Q1);
        RetentionReport report = tally.report(REVENUE, Valuation.DEFAULT, at("2026-02-15T00:00:00Z"));

        assertThat(report.periods()).extracting(RetentionFigures::complete).containsExactly(true, false, false);
        assertThat(report.totals().complete()).isFalse();
    }

    @Test
    void aLifecycleSharedByCustomersCountsOncePerCustomer() {
        RetentionTally one = new RetentionTally(Q1);
        RetentionTally grouped = new RetentionTally(Q1);
        for (Lifecycle customer : contractualCustomers()) {
            for (int copy = 0; copy < 3; copy++) {
                one.add(customer);
            }
            grouped.add(customer, 3);
        }

        RetentionReport expected = one.report(REVENUE, Valuation.DEFAULT, NOW);
        RetentionReport actual = grouped.report(REVENUE, Valuation.DEFAULT, NOW);
        assertThat(actual).isEqualTo(expected);
        // By hand: A, B and F are active at January 1 (C arrives on the boundary, E left on Dec 1); three copies.
        assertThat(actual.periods().get(0).startCustomers()).isEqualTo(9);
    }

    @Test
    void atOneInstantAcquisitionComesFirstThenChurnThenReactivation() {
        Instant t = at("2026-01-10T00:00:00Z");
        StatusChange acquired = new StatusChange(t, EventType.ACQUIRED);

        Lifecycle acquiredAndChurned = LifecyclePolicy.contractual(
                        null, null, List.of(churned("2026-01-10T00:00:00Z"), acquired))
                .orElseThrow();
        Lifecycle churnedAndBack = contractual(
                "2026-01-01T12:00:00Z", reactivated("2026-01-10T00:00:00Z"), churned("2026-01-10T00:00:00Z"));
        Lifecycle backByAcquisitionThenChurned = contractual(
                "2026-01-01T12:00:00Z", churned("2026-01-05T00:00:00Z"), churned("2026-01-10T00:00:00Z"), acquired);

        // In whatever order the events arrive: acquired and churned at once is churned; churned and reactivated at
        // once is active; an ACQUIRED that brings a churned customer back applies before a churn at its instant.
        assertThat(acquiredAndChurned.spells()).isEmpty();
        assertThat(churnedAndBack.spells()).hasSize(2);
        assertThat(churnedAndBack.spells().get(1).until()).isNull();
        assertThat(backByAcquisitionThenChurned.spells()).hasSize(1);
        assertThat(backByAcquisitionThenChurned.spells().get(0).until()).isEqualTo(at("2026-01-05T00:00:00Z"));
    }
}
