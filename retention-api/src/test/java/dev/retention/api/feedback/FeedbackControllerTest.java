package dev.retention.api.feedback;

import static dev.retention.api.shared.ProblemAssertions.fieldError;
import static dev.retention.api.shared.ProblemAssertions.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.retention.api.shared.DefaultReportingSettings;
import dev.retention.api.shared.WebSliceTest;
import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.feedback.Feedback;
import dev.retention.domain.feedback.FeedbackChannel;
import dev.retention.domain.feedback.FeedbackCounts;
import dev.retention.domain.feedback.RecordFeedback;
import dev.retention.domain.feedback.ReportFeedback;
import dev.retention.domain.metrics.Granularity;
import dev.retention.domain.metrics.ReportingPeriods;
import dev.retention.domain.shared.ConflictException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Feedback over HTTP: an answer recorded, the figures per period with NPS and CSAT, and refused ranges. */
@WebSliceTest
@Import({FeedbackController.class, DefaultReportingSettings.class})
class FeedbackControllerTest {

    private static final UUID CUSTOMER = UUID.fromString("8e9f0a1b-2c3d-4e4f-8a5b-6c7d8e9f0a1b");

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private RecordFeedback recordFeedback;

    @MockitoBean
    private ReportFeedback reportFeedback;

    @Test
    void anAnswerIsRecordedWith201AndItsEvent() throws Exception {
        UUID id = UUID.fromString("0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d");
        UUID event = UUID.fromString("1b2c3d4e-5f6a-4b7c-9d8e-9f0a1b2c3d4e");
        Instant at = Instant.parse("2026-11-20T10:00:00Z");
        given(recordFeedback.record(
                        CustomerId.of(CUSTOMER), 9, null, FeedbackChannel.EMAIL, "Quick delivery", null, at))
                .willReturn(new Feedback(
                        id,
                        CUSTOMER,
                        event,
                        9,
                        null,
                        FeedbackChannel.EMAIL,
                        "Quick delivery",
                        null,
                        at,
                        Instant.parse("2026-11-20T10:00:01Z")));

        mvc.perform(post("/api/v1/customers/{id}/feedback", CUSTOMER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"npsScore\":9,\"channel\":\"EMAIL\",\"comment\":\"Quick delivery\","
                                + "\"occurredAt\":\"2026-11-20T10:00:00Z\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(id.toString()))
                .andExpect(jsonPath("$.eventId").value(event.toString()))
                .andExpect(jsonPath("$.npsScore").value(9))
                .andExpect(jsonPath("$.channel").value("EMAIL"));
    }

    @Test
    void anErasedCustomerTakesNoFeedback() throws Exception {
        given(recordFeedback.record(any(), any(), any(), any(), any(), any(), any()))
                .willThrow(new ConflictException("customer-erased", "The customer has been erased"));

        mvc.perform(post("/api/v1/customers/{id}/feedback", CUSTOMER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"csatScore\":4,\"channel\":\"SMS\"}"))
                .andExpect(status().isConflict())
                .andExpect(problem(409, "customer-erased"));
    }

    @Test
    void theFiguresArePerPeriodAndOverTheRangeWithNpsAndCsatFromTheCounts() throws Exception {
        // January: 3 promoters, 1 passive, 2 detractors -> NPS (3 - 2) / 6 = 16.6667; CSAT 4 + 5 + 2 over 3 = 3.6667.
        // February: no answers -> both absent. Over the range the same as January.
        given(reportFeedback.perPeriod(any(), eq("retail")))
                .willReturn(List.of(new FeedbackCounts(7, 3, 1, 2, 3, 11), FeedbackCounts.NONE));

        mvc.perform(get("/api/v1/metrics/feedback")
                        .param("from", "2026-01-01")
                        .param("to", "2026-03-01")
                        .param("zone", "Europe/Berlin")
                        .param("segment", "retail"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.granularity").value("MONTH"))
                .andExpect(jsonPath("$.zone").value("Europe/Berlin"))
                .andExpect(jsonPath("$.periods[0].startDate").value("2026-01-01"))
                .andExpect(jsonPath("$.periods[0].endDate").value("2026-02-01"))
                .andExpect(jsonPath("$.periods[0].nps").value(16.6667))
                .andExpect(jsonPath("$.periods[0].csat").value(3.6667))
                .andExpect(jsonPath("$.periods[1].nps").doesNotExist())
                .andExpect(jsonPath("$.totals.startDate").value("2026-01-01"))
                .andExpect(jsonPath("$.totals.endDate").value("2026-03-01"))
                .andExpect(jsonPath("$.totals.responses").value(7));

        ArgumentCaptor<ReportingPeriods> periods = ArgumentCaptor.forClass(ReportingPeriods.class);
        verify(reportFeedback).perPeriod(periods.capture(), eq("retail"));
        assertThat(periods.getValue().size()).isEqualTo(2);
        assertThat(periods.getValue().granularity()).isEqualTo(Granularity.MONTH);
    }

    @Test
    void aMissingRangeAndAnUnknownZoneAreNamedTogetherAndNothingIsCounted() throws Exception {
        mvc.perform(get("/api/v1/metrics/feedback").param("zone", "Nowhere/Town"))
                .andExpect(status().isBadRequest())
                .andExpect(problem(400, "invalid-input"))
                .andExpect(fieldError("from"))
                .andExpect(fieldError("to"))
                .andExpect(fieldError("zone"));

        verifyNoInteractions(reportFeedback);
    }
}
