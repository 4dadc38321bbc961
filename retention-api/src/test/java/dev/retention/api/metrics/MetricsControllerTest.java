package dev.retention.api.metrics;

import static dev.retention.api.shared.ProblemAssertions.fieldError;
import static dev.retention.api.shared.ProblemAssertions.problem;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.retention.api.shared.SliceReporting;
import dev.retention.api.shared.WebSliceTest;
import dev.retention.domain.metrics.ComputeCohorts;
import dev.retention.domain.metrics.ComputeRetention;
import dev.retention.domain.revenue.ComputeMrrRetention;
import dev.retention.domain.revenue.ComputeRevenueRetention;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The metrics parameters as the web binds and checks them, before anything is computed. */
@WebSliceTest
@Import({MetricsController.class, MetricsApiMapperImpl.class, SliceReporting.class})
class MetricsControllerTest {

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private ComputeRetention computeRetention;

    @MockitoBean
    private ComputeCohorts computeCohorts;

    @MockitoBean
    private ComputeRevenueRetention computeRevenueRetention;

    @MockitoBean
    private ComputeMrrRetention computeMrrRetention;

    @Test
    void everyRefusedParameterIsNamedAtOnceAndNothingIsComputed() throws Exception {
        mvc.perform(get("/api/v1/metrics/retention")
                        .param("to", "2026-06-01")
                        .param("inactivityDays", "0")
                        .param("margin", "1.5")
                        .param("discountRate", "1"))
                .andExpect(status().isBadRequest())
                .andExpect(problem(400, "invalid-input"))
                .andExpect(fieldError("from"))
                .andExpect(fieldError("inactivityDays"))
                .andExpect(fieldError("margin"))
                .andExpect(fieldError("discountRate"))
                .andExpect(jsonPath("$.errors.length()").value(4));

        verifyNoInteractions(computeRetention);
    }

    @Test
    void anUnknownZoneOrChurnModelIsRefusedByName() throws Exception {
        mvc.perform(get("/api/v1/metrics/cohorts")
                        .param("from", "2026-01-01")
                        .param("to", "2026-06-01")
                        .param("zone", "Mars/Olympus"))
                .andExpect(status().isBadRequest())
                .andExpect(problem(400, "invalid-input"))
                .andExpect(fieldError("zone"));
        mvc.perform(get("/api/v1/metrics/retention")
                        .param("from", "2026-01-01")
                        .param("to", "2026-06-01")
                        .param("churnModel", "SOMETIMES"))
                .andExpect(status().isBadRequest())
                .andExpect(problem(400, "invalid-input"))
                .andExpect(fieldError("churnModel"))
                .andExpect(jsonPath("$.errors[0].message").value("must be one of [CONTRACTUAL, INACTIVITY]"));
        mvc.perform(get("/api/v1/metrics/retention")
                        .param("from", "2026-01-01")
                        .param("to", "2026-04-01")
                        .param("granularity", "FORTNIGHT"))
                .andExpect(status().isBadRequest())
                .andExpect(fieldError("granularity"));

        verifyNoInteractions(computeRetention, computeCohorts);
    }

    @Test
    void aRangeThatEndsBeforeItStartsOrHoldsTooManyPeriodsBreaksARuleBetweenValues() throws Exception {
        mvc.perform(get("/api/v1/metrics/retention").param("from", "2026-06-01").param("to", "2026-01-01"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(problem(422, "rule-violated"))
                .andExpect(fieldError("to"));
        mvc.perform(get("/api/v1/metrics/retention")
                        .param("from", "2020-01-01")
                        .param("to", "2026-01-01")
                        .param("granularity", "DAY"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(fieldError("to"));

        verifyNoInteractions(computeRetention);
    }
}
