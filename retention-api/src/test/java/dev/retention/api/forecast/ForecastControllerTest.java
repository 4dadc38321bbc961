package dev.retention.api.forecast;

import static dev.retention.api.shared.ProblemAssertions.fieldError;
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
import dev.retention.domain.forecast.FitBy;
import dev.retention.domain.forecast.ForecastRetention;
import dev.retention.domain.forecast.RetentionForecast;
import dev.retention.domain.forecast.RetentionForecastQuery;
import dev.retention.domain.forecast.SbgFit;
import dev.retention.domain.forecast.ShiftedBetaGeometric;
import dev.retention.domain.forecast.SurvivorCurve;
import dev.retention.domain.metrics.Granularity;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The retention forecast over HTTP: the query it asks for, the answer's rounding, and refused parameters. */
@WebSliceTest
@Import({ForecastController.class, SliceReporting.class})
class ForecastControllerTest {

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private ForecastRetention forecastRetention;

    private static RetentionForecast oneGroup() {
        SurvivorCurve curve = new SurvivorCurve(LocalDate.parse("2026-01-01"), null, List.of(1000L, 500L, 300L));
        return new RetentionForecast(
                LocalDate.parse("2026-03-01"),
                List.of(new RetentionForecast.Group(
                        null,
                        null,
                        List.of(curve),
                        new SbgFit(new ShiftedBetaGeometric(2.0000004, 2), 0.31, null, -1234.56789, 1000, 2),
                        null,
                        List.of(new RetentionForecast.SurvivalPoint(0, 1.0, 1.0, null)),
                        List.of(new RetentionForecast.ProjectedPeriod(LocalDate.parse("2026-04-01"), 200.004, 2.0 / 3)),
                        List.of(new RetentionForecast.ResidualValue(0, 0.5, 1.25, new BigDecimal("12.5000"))))));
    }

    @Test
    void theDefaultsAreAskedForAndTheAnswerIsRounded() throws Exception {
        given(forecastRetention.forecast(any())).willReturn(oneGroup());

        mvc.perform(get("/api/v1/forecasts/retention")
                        .param("from", "2026-01-01")
                        .param("to", "2026-02-01")
                        .param("asOf", "2026-03-15"))
                .andExpect(status().isOk())
                .andExpect(header().exists("ETag"))
                .andExpect(jsonPath("$.fitBy").value("POOLED"))
                .andExpect(jsonPath("$.observedUntil").value("2026-03-01"))
                .andExpect(jsonPath("$.groups[0].customers").value(1000))
                .andExpect(jsonPath("$.groups[0].aliveNow").value(300))
                .andExpect(jsonPath("$.groups[0].alpha").value(2.0))
                .andExpect(jsonPath("$.groups[0].alphaStandardError").value(0.31))
                .andExpect(jsonPath("$.groups[0].betaStandardError").doesNotExist())
                .andExpect(jsonPath("$.groups[0].logLikelihood").value(-1234.56789))
                .andExpect(
                        jsonPath("$.groups[0].survival[0].modelRetentionRate").doesNotExist())
                .andExpect(
                        jsonPath("$.groups[0].projection[0].expectedCustomers").value(200.0))
                .andExpect(jsonPath("$.groups[0].projection[0].expectedRetentionRate")
                        .value(0.666667))
                .andExpect(jsonPath("$.groups[0].residualValues[0].value").value(12.5));

        verify(forecastRetention)
                .forecast(new RetentionForecastQuery(
                        Granularity.MONTH,
                        ZoneId.of("UTC"),
                        LocalDate.parse("2026-01-01"),
                        LocalDate.parse("2026-02-01"),
                        LocalDate.parse("2026-03-15"),
                        FitBy.POOLED,
                        null,
                        12,
                        new BigDecimal("0.01"),
                        BigDecimal.ONE,
                        null));
    }

    @Test
    void anUnknownGroupingAndAMissingRangeAreNamed() throws Exception {
        mvc.perform(get("/api/v1/forecasts/retention").param("fitBy", "COUNTRY"))
                .andExpect(status().isBadRequest())
                .andExpect(fieldError("fitBy"));
        mvc.perform(get("/api/v1/forecasts/retention").param("fitBy", "COHORT"))
                .andExpect(status().isBadRequest())
                .andExpect(fieldError("from"))
                .andExpect(fieldError("to"));

        verifyNoInteractions(forecastRetention);
    }
}
