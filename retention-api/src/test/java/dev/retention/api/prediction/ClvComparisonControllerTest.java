package dev.retention.api.prediction;

import static dev.retention.api.shared.ProblemAssertions.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.retention.api.shared.DefaultReportingSettings;
import dev.retention.api.shared.WebSliceTest;
import dev.retention.domain.prediction.ClvModel;
import dev.retention.domain.prediction.ClvModelStatus;
import dev.retention.domain.prediction.ClvSettings;
import dev.retention.domain.prediction.FitClvModel;
import dev.retention.domain.prediction.HoldoutValidation;
import dev.retention.domain.prediction.ModelTimeUnit;
import dev.retention.domain.prediction.PurchaseModelKind;
import dev.retention.domain.prediction.ReadPredictions;
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

/** Comparing purchase models over HTTP: the request as settings, the ranking as answered, an unknown comparison. */
@WebSliceTest
@Import({ClvComparisonController.class, DefaultReportingSettings.class})
class ClvComparisonControllerTest {

    private static final UUID COMPARISON = UUID.fromString("7b0c2d4e-1f2a-4b3c-8d4e-5f6a7b8c9d0e");
    private static final ClvSettings SETTINGS = new ClvSettings(
            LocalDate.parse("1997-09-30"),
            ModelTimeUnit.WEEK,
            12,
            new BigDecimal("0.01"),
            null,
            ZoneId.of("UTC"),
            PurchaseModelKind.BG_NBD,
            LocalDate.parse("1998-06-30"));

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private FitClvModel fits;

    @MockitoBean
    private ReadPredictions predictions;

    private static ClvModel fit(PurchaseModelKind kind, ClvModelStatus status, Double error) {
        return new ClvModel(
                UUID.randomUUID(),
                SETTINGS.withPurchaseModel(kind),
                ClvModel.COMPARISON,
                COMPARISON,
                status,
                "stage",
                50,
                Instant.parse("2026-11-30T08:00:00Z"),
                null,
                null,
                status == ClvModelStatus.FAILED ? "ran to the edge" : null,
                null,
                null,
                error == null
                        ? null
                        : new HoldoutValidation(LocalDate.parse("1998-06-30"), 39, List.of(), 1653.4, 1882, error),
                null);
    }

    @Test
    void aComparisonIsQueuedWith202AndItsLocationAndRanksWhatSucceeded() throws Exception {
        given(fits.compare(any(), anyList())).willReturn(COMPARISON);
        given(predictions.comparison(COMPARISON))
                .willReturn(List.of(
                        fit(PurchaseModelKind.PARETO_NBD, ClvModelStatus.SUCCEEDED, 0.61),
                        fit(PurchaseModelKind.BG_NBD, ClvModelStatus.RUNNING, null),
                        fit(PurchaseModelKind.MBG_NBD, ClvModelStatus.FAILED, null)));

        mvc.perform(post("/api/v1/models/clv:compare")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"calibrationEnd": "1997-09-30", "holdoutEnd": "1998-06-30", "zone": "UTC"}
                                """))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "http://localhost/api/v1/models/clv-comparisons/" + COMPARISON))
                .andExpect(jsonPath("$.finished").value(false))
                .andExpect(jsonPath("$.ranking[0].rank").value(1))
                .andExpect(jsonPath("$.ranking[0].purchaseModelKind").value("PARETO_NBD"))
                .andExpect(jsonPath("$.ranking[0].meanAbsoluteError").value(0.61))
                .andExpect(jsonPath("$.ranking[1].rank").doesNotExist())
                .andExpect(jsonPath("$.ranking[2].error").value("ran to the edge"));

        ArgumentCaptor<ClvSettings> settings = ArgumentCaptor.forClass(ClvSettings.class);
        verify(fits).compare(settings.capture(), eq(List.of(PurchaseModelKind.values())));
        assertThat(settings.getValue().holdoutEnd()).isEqualTo(LocalDate.parse("1998-06-30"));
        assertThat(settings.getValue().zone()).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    void anUnknownComparisonIsNotFound() throws Exception {
        UUID unknown = UUID.randomUUID();
        given(predictions.comparison(unknown)).willThrow(new ResourceNotFoundException("Model comparison", unknown));

        mvc.perform(get("/api/v1/models/clv-comparisons/{id}", unknown))
                .andExpect(status().isNotFound())
                .andExpect(problem(404, "not-found"));
    }
}
