package dev.retention.api.risk;

import static dev.retention.api.shared.ProblemAssertions.fieldError;
import static dev.retention.api.shared.ProblemAssertions.problem;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.retention.api.shared.SliceReporting;
import dev.retention.api.shared.WebSliceTest;
import dev.retention.domain.risk.AtRiskCustomer;
import dev.retention.domain.risk.AtRiskQuery;
import dev.retention.domain.risk.ListAtRiskCustomers;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The at-risk list over HTTP: defaults, limits, the moment judged at, and each entry with its reason. */
@WebSliceTest
@Import({AtRiskController.class, SliceReporting.class})
class AtRiskControllerTest {

    private static final UUID REPEAT_BUYER = UUID.fromString("5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d");
    private static final UUID ONE_TIME_BUYER = UUID.fromString("6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e");

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private ListAtRiskCustomers atRisk;

    @Test
    void withoutParametersFiftyCustomersAreJudgedNowEachWithItsReason() throws Exception {
        given(atRisk.find(new AtRiskQuery(SliceReporting.NOW, 50)))
                .willReturn(List.of(
                        new AtRiskCustomer(
                                REPEAT_BUYER,
                                "crm-7",
                                "retail",
                                Instant.parse("2026-09-01T12:00:00Z"),
                                89.5,
                                6,
                                14.0,
                                28.0,
                                null,
                                new BigDecimal("420.00"),
                                0.31),
                        new AtRiskCustomer(
                                ONE_TIME_BUYER,
                                "crm-8",
                                null,
                                Instant.parse("2026-06-01T00:00:00Z"),
                                182.0,
                                1,
                                null,
                                61.0,
                                null,
                                new BigDecimal("35.00"),
                                null)));

        mvc.perform(get("/api/v1/customers/at-risk"))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("ETag"))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].customerId").value(REPEAT_BUYER.toString()))
                .andExpect(jsonPath("$[0].valueAtRisk").value(420.00))
                .andExpect(jsonPath("$[0].probabilityAlive").value(0.31))
                .andExpect(jsonPath("$[0].reason")
                        .value("No purchase for 90 days; buys every 14 days (median gap between purchase days), "
                                + "and 2 times that is 28 days."))
                .andExpect(jsonPath("$[1].medianGapDays").doesNotExist())
                .andExpect(jsonPath("$[1].reason")
                        .value("One purchase day, 182 days ago; 90% of the repeat buyers among all customers "
                                + "bought again within 61 days."));
    }

    @Test
    void aListForAGivenMomentIsCachedWithAnETag() throws Exception {
        Instant asOf = Instant.parse("2026-11-01T00:00:00Z");
        given(atRisk.find(new AtRiskQuery(asOf, 20))).willReturn(List.of());

        mvc.perform(get("/api/v1/customers/at-risk")
                        .param("asOf", "2026-11-01T00:00:00Z")
                        .param("limit", "20"))
                .andExpect(status().isOk())
                .andExpect(header().exists("ETag"))
                .andExpect(header().string("Cache-Control", "max-age=30, private"))
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void aLimitOutsideOneTo500OrAMalformedMomentIsRefusedAndNobodyIsJudged() throws Exception {
        mvc.perform(get("/api/v1/customers/at-risk").param("limit", "501"))
                .andExpect(status().isBadRequest())
                .andExpect(problem(400, "invalid-input"))
                .andExpect(fieldError("limit"));
        mvc.perform(get("/api/v1/customers/at-risk").param("asOf", "yesterday"))
                .andExpect(status().isBadRequest())
                .andExpect(problem(400, "invalid-input"))
                .andExpect(fieldError("asOf"));

        verifyNoInteractions(atRisk);
    }
}
