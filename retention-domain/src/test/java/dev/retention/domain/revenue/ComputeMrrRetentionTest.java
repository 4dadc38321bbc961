package dev.retention.domain.revenue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.domain.metrics.Granularity;
import dev.retention.domain.metrics.ReportingPeriods;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** MRR retention of three months, against figures worked out by hand from the subscription changes below. */
class ComputeMrrRetentionTest {

    private static final ReportingPeriods FEBRUARY_TO_APRIL = ReportingPeriods.between(
            LocalDate.parse("2026-02-01"), LocalDate.parse("2026-05-01"), Granularity.MONTH, ZoneId.of("UTC"));

    private static CustomerSubscriptions customer(String... timesAndAmounts) {
        List<CustomerSubscriptions.Change> changes = new ArrayList<>();
        for (int i = 0; i < timesAndAmounts.length; i += 2) {
            changes.add(new CustomerSubscriptions.Change(
                    Instant.parse(timesAndAmounts[i]), new BigDecimal(timesAndAmounts[i + 1])));
        }
        return new CustomerSubscriptions(UUID.randomUUID(), null, changes);
    }

    /*
     * MRR at the boundaries (a change counts from its instant on, so C's change at 1 February 00:00 is not in
     * MRR(1 February)):
     *            1 Feb   1 Mar   1 Apr   1 May
     *   A          100     100     150     150    expansion in March
     *   B           50       0       0      60    churned in February, reactivated in April
     *   C            0      80      80      40    new in February, contraction in April
     *   D            0       0       0      25    subscribed and cancelled within March: reactivated in April
     *   E           30      30      30      30
     *   total      180     210     260     305
     */
    private static final List<CustomerSubscriptions> CUSTOMERS = List.of(
            customer("2026-01-10T09:00:00Z", "100", "2026-03-15T09:00:00Z", "150"),
            customer("2026-01-05T09:00:00Z", "50", "2026-02-20T09:00:00Z", "0", "2026-04-02T09:00:00Z", "60"),
            customer("2026-02-01T00:00:00Z", "80", "2026-04-30T09:00:00Z", "40"),
            customer("2026-03-03T09:00:00Z", "20", "2026-03-20T09:00:00Z", "0", "2026-04-10T09:00:00Z", "25"),
            customer("2026-01-01T00:00:00Z", "30"));

    private List<RevenuePeriodFigures> compute(RevenueComparison compareTo) {
        SubscriptionHistories histories = (end, segment, sink) -> CUSTOMERS.forEach(sink);
        return new ComputeMrrRetention(histories)
                .compute(new RevenueRetentionQuery(FEBRUARY_TO_APRIL, compareTo, null));
    }

    private static void assertMovement(
            RevenuePeriodFigures figures, RevenueMovement movement, long customers, String amount) {
        assertThat(figures.movements().get(movement).customers())
                .as(movement.name())
                .isEqualTo(customers);
        assertThat(figures.movements().get(movement).amount())
                .as(movement.name())
                .isEqualByComparingTo(amount);
    }

    @Test
    void mrrAtABoundaryIsTheLatestChangeBeforeIt() {
        CustomerSubscriptions c = CUSTOMERS.get(2);

        assertThat(c.mrrAt(Instant.parse("2026-02-01T00:00:00Z"))).isZero();
        assertThat(c.mrrAt(Instant.parse("2026-02-01T00:00:00.000001Z"))).isEqualByComparingTo("80");
        assertThat(c.mrrAt(Instant.parse("2026-05-01T00:00:00Z"))).isEqualByComparingTo("40");
    }

    @Test
    void februaryLosesBAndWinsC() {
        RevenuePeriodFigures february = compute(RevenueComparison.PREVIOUS).get(0);

        assertThat(february.revenue()).isEqualByComparingTo("210");
        assertThat(february.comparedPositiveRevenue()).isEqualByComparingTo("180");
        assertThat(february.positiveCustomers()).isEqualTo(3);
        assertThat(february.baseCustomers()).isEqualTo(3);
        assertThat(february.baseRevenue()).isEqualByComparingTo("180");
        // 130 / 180
        assertThat(february.nrr()).isEqualTo("72.2222");
        assertThat(february.grr()).isEqualTo("72.2222");
        assertMovement(february, RevenueMovement.NEW, 1, "80");
        assertMovement(february, RevenueMovement.CHURNED, 1, "50");
        assertMovement(february, RevenueMovement.UNCHANGED, 2, "0");
        assertMovement(february, RevenueMovement.REACTIVATED, 0, "0");
        assertThat(february.quickRatio()).isEqualTo("1.6000");
    }

    @Test
    void marchOnlyExpands() {
        RevenuePeriodFigures march = compute(RevenueComparison.PREVIOUS).get(1);

        assertThat(march.revenue()).isEqualByComparingTo("260");
        // 260 / 210 and 210 / 210
        assertThat(march.nrr()).isEqualTo("123.8095");
        assertThat(march.grr()).isEqualTo("100.0000");
        assertMovement(march, RevenueMovement.EXPANSION, 1, "50");
        assertMovement(march, RevenueMovement.NEW, 0, "0");
        assertThat(march.quickRatio()).as("nothing lost").isNull();
    }

    @Test
    void aprilReactivatesThoseWhoPaidBeforeEvenBetweenBoundaries() {
        RevenuePeriodFigures april = compute(RevenueComparison.PREVIOUS).get(2);

        assertThat(april.revenue()).isEqualByComparingTo("305");
        assertThat(april.positiveCustomers()).isEqualTo(5);
        // 220 / 260
        assertThat(april.nrr()).isEqualTo("84.6154");
        assertThat(april.grr()).isEqualTo("84.6154");
        assertMovement(april, RevenueMovement.REACTIVATED, 2, "85");
        assertMovement(april, RevenueMovement.CONTRACTION, 1, "40");
        assertMovement(april, RevenueMovement.NEW, 0, "0");
        // 305 − 260 = 60 + 25 − 40; quick ratio 85 / 40
        assertThat(april.quickRatio()).isEqualTo("2.1250");
    }

    @Test
    void yearAgoComparesWithTheSameMonthEndAYearEarlier() {
        List<RevenuePeriodFigures> figures = compute(RevenueComparison.YEAR_AGO);

        assertThat(figures).allSatisfy(period -> {
            assertThat(period.baseCustomers()).isZero();
            assertThat(period.nrr()).isNull();
            assertThat(period.movements()).isEmpty();
        });
        assertThat(figures.get(2).comparedStart()).isEqualTo(LocalDate.parse("2025-04-01"));
    }
}
