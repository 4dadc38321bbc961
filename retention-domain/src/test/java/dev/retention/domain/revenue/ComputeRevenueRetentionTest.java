package dev.retention.domain.revenue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.domain.metrics.Granularity;
import dev.retention.domain.metrics.ReportingPeriods;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** NRR, GRR, movements and the quick ratio of three months, against figures worked out by hand. */
class ComputeRevenueRetentionTest {

    private static final ReportingPeriods FIRST_QUARTER = ReportingPeriods.between(
            LocalDate.parse("2026-01-01"), LocalDate.parse("2026-04-01"), Granularity.MONTH, ZoneId.of("UTC"));

    private static CustomerRevenueHistory history(String segment, boolean positiveBefore, String... monthsAndAmounts) {
        Map<LocalDate, BigDecimal> revenue = new HashMap<>();
        for (int i = 0; i < monthsAndAmounts.length; i += 2) {
            revenue.put(LocalDate.parse(monthsAndAmounts[i] + "-01"), new BigDecimal(monthsAndAmounts[i + 1]));
        }
        return new CustomerRevenueHistory(UUID.randomUUID(), segment, revenue, positiveBefore);
    }

    /*
     *        Dec   Jan   Feb   Mar
     *   A    100   150   150     0
     *   B     80    50   -20    30
     *   C      -    40     -     -     (first revenue ever in January)
     *   D      -     -    25     -     (positive revenue before December)
     *   E      -     -     -    60     (first revenue ever in March)
     */
    private static final List<CustomerRevenueHistory> CUSTOMERS = List.of(
            history("retail", false, "2025-12", "100", "2026-01", "150", "2026-02", "150"),
            history("wholesale", false, "2025-12", "80", "2026-01", "50", "2026-02", "-20", "2026-03", "30"),
            history("retail", false, "2026-01", "40"),
            history(null, true, "2026-02", "25"),
            history(null, false, "2026-03", "60"));

    private final List<RevenueHistories.Query> asked = new ArrayList<>();

    private List<RevenuePeriodFigures> compute(RevenueComparison compareTo, ReportingPeriods periods) {
        RevenueHistories histories = (query, sink) -> {
            asked.add(query);
            CUSTOMERS.forEach(sink);
        };
        return new ComputeRevenueRetention(histories).compute(new RevenueRetentionQuery(periods, compareTo, "retail"));
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

    /** Σ r⁺(P) − Σ r⁺(P') = new + expansion + reactivated − contraction − churned. */
    private static void assertIdentity(RevenuePeriodFigures figures) {
        BigDecimal gained = figures.movements()
                .get(RevenueMovement.NEW)
                .amount()
                .add(figures.movements().get(RevenueMovement.EXPANSION).amount())
                .add(figures.movements().get(RevenueMovement.REACTIVATED).amount());
        BigDecimal lost = figures.movements()
                .get(RevenueMovement.CONTRACTION)
                .amount()
                .add(figures.movements().get(RevenueMovement.CHURNED).amount());
        assertThat(figures.positiveRevenue().subtract(figures.comparedPositiveRevenue()))
                .isEqualByComparingTo(gained.subtract(lost));
        assertThat(figures.revenue())
                .isEqualByComparingTo(figures.positiveRevenue().add(figures.refundsBeyondRevenue()));
    }

    @Test
    void januaryComparedWithDecember() {
        RevenuePeriodFigures january =
                compute(RevenueComparison.PREVIOUS, FIRST_QUARTER).get(0);

        assertThat(asked).singleElement().satisfies(query -> {
            assertThat(query.firstPeriod()).isEqualTo(LocalDate.parse("2025-12-01"));
            assertThat(query.segment()).isEqualTo("retail");
        });
        assertThat(january.comparedStart()).isEqualTo(LocalDate.parse("2025-12-01"));
        assertThat(january.revenue()).isEqualByComparingTo("240");
        assertThat(january.comparedPositiveRevenue()).isEqualByComparingTo("180");
        assertThat(january.baseCustomers()).isEqualTo(2);
        assertThat(january.baseRevenue()).isEqualByComparingTo("180");
        assertThat(january.netRetainedRevenue()).isEqualByComparingTo("200"); // 150 + 50
        assertThat(january.grossRetainedRevenue()).isEqualByComparingTo("150"); // min(150, 100) + min(50, 80)
        assertThat(january.nrr()).isEqualTo(new BigDecimal("111.1111"));
        assertThat(january.grr()).isEqualTo(new BigDecimal("83.3333"));
        assertMovement(january, RevenueMovement.NEW, 1, "40");
        assertMovement(january, RevenueMovement.EXPANSION, 1, "50");
        assertMovement(january, RevenueMovement.CONTRACTION, 1, "30");
        assertMovement(january, RevenueMovement.CHURNED, 0, "0");
        assertThat(january.quickRatio()).isEqualTo(new BigDecimal("3.0000")); // 90 / 30
        assertIdentity(january);
    }

    @Test
    void februaryWithRefundsBeyondRevenueAndAComeback() {
        RevenuePeriodFigures february =
                compute(RevenueComparison.PREVIOUS, FIRST_QUARTER).get(1);

        assertThat(february.revenue()).isEqualByComparingTo("155");
        assertThat(february.positiveRevenue()).isEqualByComparingTo("175");
        assertThat(february.refundsBeyondRevenue()).isEqualByComparingTo("-20");
        assertThat(february.baseRevenue()).isEqualByComparingTo("240");
        assertThat(february.nrr()).isEqualTo(new BigDecimal("62.5000")); // 150 / 240
        assertThat(february.grr()).isEqualTo(new BigDecimal("62.5000"));
        assertMovement(february, RevenueMovement.UNCHANGED, 1, "0");
        assertMovement(february, RevenueMovement.CHURNED, 2, "90"); // B's 50 and C's 40
        assertMovement(february, RevenueMovement.REACTIVATED, 1, "25"); // D: positive before January
        assertThat(february.quickRatio()).isEqualTo(new BigDecimal("0.2778")); // 25 / 90
        assertIdentity(february);
    }

    @Test
    void marchLosesTheWholeBase() {
        RevenuePeriodFigures march =
                compute(RevenueComparison.PREVIOUS, FIRST_QUARTER).get(2);

        assertThat(march.baseCustomers()).isEqualTo(2); // A and D; B's -20 is no base
        assertThat(march.nrr()).isEqualTo(new BigDecimal("0.0000"));
        assertMovement(march, RevenueMovement.CHURNED, 2, "175");
        assertMovement(march, RevenueMovement.REACTIVATED, 1, "30"); // B: positive in December and January
        assertMovement(march, RevenueMovement.NEW, 1, "60");
        assertThat(march.quickRatio()).isEqualTo(new BigDecimal("0.5143")); // 90 / 175
        assertIdentity(march);
    }

    @Test
    void aYearAgoComparesTheSamePeriodAndHasNoMovements() {
        ReportingPeriods february2027 = ReportingPeriods.between(
                LocalDate.parse("2027-02-01"), LocalDate.parse("2027-03-01"), Granularity.MONTH, ZoneId.of("UTC"));
        ReportingPeriods january2027 = ReportingPeriods.between(
                LocalDate.parse("2027-01-01"), LocalDate.parse("2027-02-01"), Granularity.MONTH, ZoneId.of("UTC"));

        RevenuePeriodFigures february =
                compute(RevenueComparison.YEAR_AGO, february2027).get(0);
        RevenuePeriodFigures january =
                compute(RevenueComparison.YEAR_AGO, january2027).get(0);

        assertThat(february.comparedStart()).isEqualTo(LocalDate.parse("2026-02-01"));
        assertThat(february.baseRevenue()).isEqualByComparingTo("175"); // A 150, D 25; B's -20 is no base
        assertThat(february.nrr()).isEqualTo(new BigDecimal("0.0000"));
        assertThat(february.movements()).isEmpty();
        assertThat(february.quickRatio()).isNull();
        assertThat(january.baseCustomers()).isEqualTo(3);
        assertThat(january.revenue()).isEqualByComparingTo("0");
    }

    @Test
    void withoutAnyoneInTheComparedPeriodRetentionHasNoValue() {
        ReportingPeriods may = ReportingPeriods.between(
                LocalDate.parse("2026-05-01"), LocalDate.parse("2026-06-01"), Granularity.MONTH, ZoneId.of("UTC"));

        RevenuePeriodFigures figures = compute(RevenueComparison.PREVIOUS, may).get(0);

        assertThat(figures.baseCustomers()).isZero();
        assertThat(figures.nrr()).isNull();
        assertThat(figures.grr()).isNull();
        assertThat(figures.quickRatio()).isNull();
    }

    @Test
    void eachCustomerMovesOneWayOnly() {
        BigDecimal hundred = new BigDecimal("100");
        assertThat(RevenueMovement.of(BigDecimal.ZERO, BigDecimal.ZERO, true)).isNull();
        assertThat(RevenueMovement.of(new BigDecimal("-5"), BigDecimal.ZERO, true))
                .isNull();
        assertThat(RevenueMovement.of(BigDecimal.ZERO, hundred, false)).isEqualTo(RevenueMovement.NEW);
        assertThat(RevenueMovement.of(new BigDecimal("-5"), hundred, true)).isEqualTo(RevenueMovement.REACTIVATED);
        assertThat(RevenueMovement.of(hundred, new BigDecimal("-1"), false)).isEqualTo(RevenueMovement.CHURNED);
        assertThat(RevenueMovement.of(hundred, new BigDecimal("100.00"), false)).isEqualTo(RevenueMovement.UNCHANGED);
        assertThat(RevenueMovement.CHURNED.amount(hundred, new BigDecimal("-1")))
                .isEqualByComparingTo("100");
    }

    @Test
    void perSegmentEachSegmentHasItsOwnFiguresAndTheSumsAddUpToTheOverallOnes() {
        RevenueHistories histories = (query, sink) -> CUSTOMERS.forEach(sink);
        ComputeRevenueRetention compute = new ComputeRevenueRetention(histories);
        RevenueRetentionQuery query = new RevenueRetentionQuery(FIRST_QUARTER, RevenueComparison.PREVIOUS, null);

        Map<String, List<RevenuePeriodFigures>> bySegment = compute.bySegment(query);
        List<RevenuePeriodFigures> overall = compute.compute(query);

        assertThat(bySegment.keySet()).containsExactly("retail", "wholesale", null);
        RevenuePeriodFigures retailJanuary = bySegment.get("retail").get(0);
        assertThat(retailJanuary.baseRevenue()).isEqualByComparingTo("100"); // A
        assertThat(retailJanuary.nrr()).isEqualTo(new BigDecimal("150.0000"));
        for (int month = 0; month < 3; month++) {
            int m = month;
            assertThat(bySegment.values().stream()
                            .map(figures -> figures.get(m).revenue())
                            .reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo(overall.get(m).revenue());
            assertThat(bySegment.values().stream()
                            .map(figures -> figures.get(m).baseRevenue())
                            .reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo(overall.get(m).baseRevenue());
            for (RevenueMovement movement : RevenueMovement.values()) {
                assertThat(bySegment.values().stream()
                                .mapToLong(figures ->
                                        figures.get(m).movements().get(movement).customers())
                                .sum())
                        .isEqualTo(overall.get(m).movements().get(movement).customers());
            }
        }
    }
}
