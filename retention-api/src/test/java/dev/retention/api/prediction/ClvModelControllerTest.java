package dev.retention.api.prediction;

import static dev.retention.api.shared.ProblemAssertions.fieldError;
import static dev.retention.api.shared.ProblemAssertions.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.retention.api.shared.DefaultReportingSettings;
import dev.retention.api.shared.WebSliceTest;
import dev.retention.domain.prediction.BgNbdParameters;
import dev.retention.domain.prediction.ClvModel;
import dev.retention.domain.prediction.ClvModelStatus;
import dev.retention.domain.prediction.ClvSettings;
import dev.retention.domain.prediction.FitClvModel;
import dev.retention.domain.prediction.GammaGammaParameters;
import dev.retention.domain.prediction.HoldoutValidation;
import dev.retention.domain.prediction.ModelFit;
import dev.retention.domain.prediction.ModelTimeUnit;
import dev.retention.domain.prediction.ReadPredictions;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import dev.retention.domain.shared.ResourceNotFoundException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Model fits over HTTP: the defaults of a request, its refusals, the queued answer and a finished fit. */
@WebSliceTest
@Import({ClvModelController.class, PredictionApiMapperImpl.class, DefaultReportingSettings.class})
class ClvModelControllerTest {

    static final UUID MODEL = UUID.fromString("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");
    static final ClvSettings SETTINGS = new ClvSettings(
            LocalDate.parse("1997-09-30"), ModelTimeUnit.WEEK, 12, new BigDecimal("0.01"), null, ZoneId.of("UTC"));

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private FitClvModel fits;

    @MockitoBean
    private ReadPredictions predictions;

    static ClvModel succeeded() {
        return new ClvModel(
                MODEL,
                SETTINGS,
                ClvModel.REQUESTED,
                null,
                ClvModelStatus.SUCCEEDED,
                "done",
                100,
                Instant.parse("2026-11-30T08:00:00Z"),
                Instant.parse("2026-11-30T08:00:01Z"),
                Instant.parse("2026-11-30T08:00:09Z"),
                null,
                new ModelFit<>(new BgNbdParameters(0.243, 4.414, 0.793, 2.426), -9582.4, 2357, 310, List.of()),
                new ModelFit<>(new GammaGammaParameters(6.25, 3.74, 15.44), -3251.1, 946, 120, List.of()),
                new HoldoutValidation(
                        LocalDate.parse("1998-06-30"),
                        39,
                        List.of(new HoldoutValidation.FrequencyRow(0, 1411, 0.23, 0.24)),
                        1653.4,
                        1882,
                        0.61),
                new ClvModel.Timings(800L, 6000L, 1200L));
    }

    @Test
    void aFitIsQueuedWith202ItsLocationAndTheDefaultsFilledIn() throws Exception {
        ClvModel queued = new ClvModel(
                MODEL,
                SETTINGS,
                ClvModel.REQUESTED,
                null,
                ClvModelStatus.QUEUED,
                "queued",
                0,
                Instant.parse("2026-11-30T08:00:00Z"),
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        given(fits.submit(any())).willReturn(queued);

        mvc.perform(post("/api/v1/models/clv")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"calibrationEnd\":\"1997-09-30\",\"segment\":\"  \"}"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "http://localhost/api/v1/models/clv/" + MODEL))
                .andExpect(jsonPath("$.status").value("QUEUED"))
                .andExpect(jsonPath("$.purchaseModel").doesNotExist());

        ArgumentCaptor<ClvSettings> settings = ArgumentCaptor.forClass(ClvSettings.class);
        verify(fits).submit(settings.capture());
        assertThat(settings.getValue()).isEqualTo(SETTINGS);
    }

    @Test
    void everyRefusedSettingIsNamedAndNothingIsQueued() throws Exception {
        mvc.perform(post("/api/v1/models/clv")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"horizonMonths\":121,\"monthlyDiscountRate\":1}"))
                .andExpect(status().isBadRequest())
                .andExpect(problem(400, "invalid-input"))
                .andExpect(fieldError("calibrationEnd"))
                .andExpect(fieldError("horizonMonths"))
                .andExpect(fieldError("monthlyDiscountRate"));
        mvc.perform(post("/api/v1/models/clv")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"calibrationEnd\":\"1997-09-30\",\"zone\":\"Mars/Olympus\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(fieldError("zone"));
        mvc.perform(post("/api/v1/models/clv")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"calibrationEnd\":\"1997-09-30\",\"timeUnit\":\"FORTNIGHT\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(fieldError("timeUnit"));
        mvc.perform(post("/api/v1/models/clv")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"calibrationEnd\":\"1997-09-30\",\"horizonMonths\":0,"
                                + "\"monthlyDiscountRate\":-0.1}"))
                .andExpect(status().isBadRequest())
                .andExpect(fieldError("horizonMonths"))
                .andExpect(fieldError("monthlyDiscountRate"));
        mvc.perform(post("/api/v1/models/clv")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"calibrationEnd\":\"30.09.1997\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(fieldError("calibrationEnd"));

        verifyNoInteractions(fits);
    }

    @Test
    void aFinishedFitShowsBothModelsAndTheirTimings() throws Exception {
        given(predictions.model(MODEL)).willReturn(succeeded());

        mvc.perform(get("/api/v1/models/clv/{id}", MODEL))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.calibrationEnd").value("1997-09-30"))
                .andExpect(jsonPath("$.zone").value("UTC"))
                .andExpect(jsonPath("$.purchaseModel.r").value(0.243))
                .andExpect(jsonPath("$.purchaseModel.customers").value(2357))
                .andExpect(jsonPath("$.spendModel.gamma").value(15.44))
                .andExpect(jsonPath("$.purchaseModel.kind").value("BG_NBD"))
                .andExpect(jsonPath("$.purchaseModel.a").value(0.793))
                .andExpect(jsonPath("$.purchaseModel.s").doesNotExist())
                .andExpect(jsonPath("$.validation.predictedTotal").value(1653.4))
                .andExpect(jsonPath("$.validation.actualTotal").value(1882))
                .andExpect(jsonPath("$.validation.byFrequency[0].meanActual").value(0.24))
                .andExpect(jsonPath("$.timings.fitMillis").value(6000));
    }

    @Test
    void anUnknownFitIsNotFoundAndTheListIsPaged() throws Exception {
        UUID unknown = UUID.fromString("00000000-0000-4000-8000-000000000001");
        given(predictions.model(unknown)).willThrow(new ResourceNotFoundException("Model", unknown));
        given(predictions.models(new PageRequest(0, 5))).willReturn(new Page<>(List.of(succeeded()), 0, 5, 1));

        mvc.perform(get("/api/v1/models/clv/{id}", unknown))
                .andExpect(status().isNotFound())
                .andExpect(problem(404, "not-found"));
        mvc.perform(get("/api/v1/models/clv").param("size", "5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value(MODEL.toString()))
                .andExpect(jsonPath("$.totalItems").value(1));
    }
}
