package dev.retention.api.strategy;

import static dev.retention.api.shared.ProblemAssertions.fieldError;
import static dev.retention.api.shared.ProblemAssertions.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
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
import dev.retention.domain.rfm.RfmSegment;
import dev.retention.domain.shared.ResourceNotFoundException;
import dev.retention.domain.strategy.ManageStrategies;
import dev.retention.domain.strategy.Strategy;
import dev.retention.domain.strategy.StrategyChannel;
import dev.retention.domain.strategy.StrategyStatus;
import dev.retention.domain.strategy.StrategyTarget;
import dev.retention.domain.strategy.StrategyType;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Strategies over HTTP: how a request's target is read, how a strategy is answered, and unknown ids. */
@WebSliceTest
@Import({StrategyController.class, DefaultReportingSettings.class})
class StrategyControllerTest {

    private static final UUID ID = UUID.fromString("7b1d2c3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e");
    private static final Instant STARTS = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant ENDS = Instant.parse("2027-01-01T00:00:00Z");

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private ManageStrategies manage;

    private static Strategy draft(StrategyTarget target) {
        return new Strategy(
                ID,
                "Win back",
                StrategyType.PERSONALISED_MARKETING,
                "10% voucher",
                StrategyChannel.EMAIL,
                target,
                STARTS,
                ENDS,
                10,
                StrategyStatus.DRAFT,
                Instant.parse("2026-11-30T09:00:00Z"),
                null,
                Instant.parse("2026-11-30T09:00:00Z"),
                0);
    }

    @Test
    void aBlankCustomerSegmentAndAnAbsentAtRiskFlagMeanNoSuchTarget() throws Exception {
        StrategyTarget target = new StrategyTarget(Set.of(RfmSegment.AT_RISK), null, false);
        given(manage.create(anyString(), any(), anyString(), any(), any(), any(), any(), any(), any()))
                .willReturn(draft(target));

        mvc.perform(post("/api/v1/strategies")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"name\":\"Win back\",\"type\":\"PERSONALISED_MARKETING\",\"action\":\"10% voucher\","
                                        + "\"channel\":\"EMAIL\",\"target\":{\"rfmSegments\":[\"AT_RISK\"],"
                                        + "\"customerSegment\":\"  \"},\"startsAt\":\"2026-12-01T00:00:00Z\","
                                        + "\"endsAt\":\"2027-01-01T00:00:00Z\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "http://localhost/api/v1/strategies/" + ID))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.targetRfmSegments[0]").value("AT_RISK"))
                .andExpect(jsonPath("$.targetAtRisk").value(false))
                .andExpect(jsonPath("$.holdoutPercent").value(10));

        ArgumentCaptor<StrategyTarget> passed = ArgumentCaptor.forClass(StrategyTarget.class);
        verify(manage)
                .create(
                        eq("Win back"),
                        eq(StrategyType.PERSONALISED_MARKETING),
                        eq("10% voucher"),
                        eq(StrategyChannel.EMAIL),
                        passed.capture(),
                        eq(STARTS),
                        eq(ENDS),
                        eq(null),
                        eq(null));
        assertThat(passed.getValue()).isEqualTo(target);
    }

    @Test
    void anUnknownChannelIsRefusedWithTheAllowedValues() throws Exception {
        mvc.perform(post("/api/v1/strategies")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Win back\",\"channel\":\"PIGEON\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(problem(400, "malformed-request"))
                .andExpect(fieldError("channel"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("EMAIL")));

        verifyNoInteractions(manage);
    }

    @Test
    void anUnknownStrategyIsNotFound() throws Exception {
        given(manage.find(ID)).willThrow(new ResourceNotFoundException("Strategy", ID));

        mvc.perform(get("/api/v1/strategies/{id}", ID))
                .andExpect(status().isNotFound())
                .andExpect(problem(404, "not-found"));
    }
}
