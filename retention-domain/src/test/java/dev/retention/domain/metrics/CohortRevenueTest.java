package dev.retention.domain.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A cohort's revenue per offset and its net revenue retention curve, against figures worked out by hand. */
class CohortRevenueTest {

    private static final ReportingPeriods FIRST_QUARTER = ReportingPeriods.between(
            LocalDate.parse("2026-01-01"), LocalDate.parse("2026-04-01"), Granularity.MONTH, ZoneId.of("UTC"));

    private static List<BigDecimal> amounts(String... values) {
        return List.of(values).stream().map(BigDecimal::new).toList();
    }

    @Test
    void eachOffsetsRevenueAsAShareOfTheCohortsFirstPeriod() {
        CohortTally tally = new CohortTally(FIRST_QUARTER, 2);
        tally.add(new Lifecycle(null, Instant.parse("2026-01-05T00:00:00Z"), List.of()), 2);
        tally.add(new Lifecycle(null, Instant.parse("2026-02-05T00:00:00Z"), List.of()), 1);

        // January's cohort: 200 in January, 50 in February, 300 in March; February's: refunds beyond purchases.
        List<CohortTally.Cohort> cohorts =
                tally.report(Map.of(0, amounts("200", "50", "300"), 1, amounts("0", "-10", "40")));

        List<CohortTally.CohortCell> january = cohorts.get(0).offsets();
        assertThat(january)
                .extracting(CohortTally.CohortCell::revenue)
                .containsExactly(new BigDecimal("200.0000"), new BigDecimal("50.0000"), new BigDecimal("300.0000"));
        assertThat(january)
                .extracting(CohortTally.CohortCell::revenueRetention)
                .containsExactly(new BigDecimal("100.0000"), new BigDecimal("25.0000"), new BigDecimal("150.0000"));
        assertThat(january.get(2).cumulativeRevenuePerCustomer()).isEqualByComparingTo("275"); // 550 / 2
        List<CohortTally.CohortCell> february = cohorts.get(1).offsets();
        assertThat(february.get(0).revenue()).isEqualByComparingTo("-10");
        assertThat(february)
                .extracting(CohortTally.CohortCell::revenueRetention)
                .containsOnlyNulls();
    }
}
