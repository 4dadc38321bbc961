package dev.retention.api.revenue;

import static dev.retention.api.shared.ProblemAssertions.fieldError;
import static dev.retention.api.shared.ProblemAssertions.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.retention.api.shared.SliceReporting;
import dev.retention.api.shared.WebSliceTest;
import dev.retention.domain.metrics.Granularity;
import dev.retention.domain.metrics.ReportingPeriods;
import dev.retention.domain.revenue.ComputeMrrRetention;
import dev.retention.domain.revenue.ComputeRevenueRetention;
import dev.retention.domain.revenue.RevenueComparison;
import dev.retention.domain.revenue.RevenueMovement;
import dev.retention.domain.revenue.RevenuePeriodFigures;
import dev.retention.domain.revenue.RevenueRetentionQuery;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The revenue endpoint over HTTP: defaults, the query it asks for, the answer's shape, and refused parameters. */
@WebSliceTest
@Import({RevenueController.class, SliceReporting.class})
class RevenueControllerTest {

    private static final ReportingPeriods JANUARY = ReportingPeriods.between(
            LocalDate.parse("2026-01-01"),
            LocalDate.parse("2026-02-01"),
            Granularity.MONTH,
            ZoneId.of("Europe/Berlin"));

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private ComputeRevenueRetention computeRevenueRetention;

    @MockitoBean
    private ComputeMrrRetention computeMrrRetention;

    private static RevenuePeriodFigures january(Map<RevenueMovement, RevenuePeriodFigures.Movement> movements) {
        BigDecimal ten = BigDecimal.TEN;
        return new RevenuePeriodFigures(
                JANUARY.get(0),
                LocalDate.parse("2025-12-01"),
                ten,
                ten,
                1,
                BigDecimal.ZERO,
                ten,
                0,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                null,
                null,
                movements,
                null);
    }

    @Test
    void byDefaultEachMonthIsComparedWithTheOneBeforeAndItsMovementsAreNamed() throws Exception {
        Map<RevenueMovement, RevenuePeriodFigures.Movement> movements = new EnumMap<>(RevenueMovement.class);
        for (RevenueMovement movement : RevenueMovement.values()) {
            movements.put(movement, new RevenuePeriodFigures.Movement(0, BigDecimal.ZERO));
        }
        movements.put(RevenueMovement.NEW, new RevenuePeriodFigures.Movement(1, BigDecimal.TEN));
        given(computeRevenueRetention.compute(new RevenueRetentionQuery(JANUARY, RevenueComparison.PREVIOUS, "retail")))
                .willReturn(List.of(january(movements)));

        mvc.perform(get("/api/v1/metrics/revenue")
                        .param("from", "2026-01-01")
                        .param("to", "2026-02-01")
                        .param("zone", "Europe/Berlin")
                        .param("segment", " retail "))
                .andExpect(status().isOk())
                .andExpect(header().exists("ETag"))
                .andExpect(jsonPath("$.compareTo").value("PREVIOUS"))
                .andExpect(jsonPath("$.segment").value("retail"))
                .andExpect(jsonPath("$.periods[0].comparedStartDate").value("2025-12-01"))
                .andExpect(jsonPath("$.periods[0].payingCustomers").value(1))
                .andExpect(jsonPath("$.periods[0].nrr").doesNotExist())
                .andExpect(jsonPath("$.periods[0].retentionNote").isNotEmpty())
                .andExpect(
                        jsonPath("$.periods[0].movements.newRevenue.customers").value(1))
                .andExpect(jsonPath("$.periods[0].movements.unchanged.amount").value(0));
    }

    @Test
    void aYearAgoHasNoMovements() throws Exception {
        given(computeRevenueRetention.compute(any())).willReturn(List.of(january(Map.of())));

        mvc.perform(get("/api/v1/metrics/revenue")
                        .param("from", "2026-01-01")
                        .param("to", "2026-02-01")
                        .param("compareTo", "YEAR_AGO"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.periods[0].movements").doesNotExist());

        verify(computeRevenueRetention)
                .compute(new RevenueRetentionQuery(
                        ReportingPeriods.between(
                                LocalDate.parse("2026-01-01"),
                                LocalDate.parse("2026-02-01"),
                                Granularity.MONTH,
                                ZoneId.of("UTC")),
                        RevenueComparison.YEAR_AGO,
                        null));
    }

    @Test
    void aRangeEndingBeforeItStartsIsRefusedAndNothingIsComputed() throws Exception {
        mvc.perform(get("/api/v1/metrics/revenue").param("from", "2026-02-01").param("to", "2026-01-01"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(problem(422, "rule-violated"))
                .andExpect(fieldError("to"));

        verifyNoInteractions(computeRevenueRetention);
    }

    @Test
    void mrrIsReportedInItsOwnTermsFromTheSubscriptionFigures() throws Exception {
        Map<RevenueMovement, RevenuePeriodFigures.Movement> movements = new EnumMap<>(RevenueMovement.class);
        for (RevenueMovement movement : RevenueMovement.values()) {
            movements.put(movement, new RevenuePeriodFigures.Movement(0, BigDecimal.ZERO));
        }
        movements.put(RevenueMovement.NEW, new RevenuePeriodFigures.Movement(1, BigDecimal.TEN));
        given(computeMrrRetention.compute(new RevenueRetentionQuery(JANUARY, RevenueComparison.PREVIOUS, null)))
                .willReturn(List.of(january(movements)));

        mvc.perform(get("/api/v1/metrics/mrr")
                        .param("from", "2026-01-01")
                        .param("to", "2026-02-01")
                        .param("zone", "Europe/Berlin"))
                .andExpect(status().isOk())
                .andExpect(header().exists("ETag"))
                .andExpect(jsonPath("$.periods[0].mrr").value(10))
                .andExpect(jsonPath("$.periods[0].subscribers").value(1))
                .andExpect(jsonPath("$.periods[0].comparedMrr").value(10))
                .andExpect(jsonPath("$.periods[0].retentionNote").value(RevenueController.NO_MRR_BASE))
                .andExpect(jsonPath("$.periods[0].movements.newMrr.customers").value(1))
                .andExpect(jsonPath("$.periods[0].movements.newMrr.amount").value(10));
        verifyNoInteractions(computeRevenueRetention);
    }

    @Test
    void mrrRefusesAnUnknownComparison() throws Exception {
        mvc.perform(get("/api/v1/metrics/mrr").param("compareTo", "LAST_WEEK"))
                .andExpect(status().isBadRequest())
                .andExpect(fieldError("compareTo"));

        verifyNoInteractions(computeMrrRetention);
    }
}
