package dev.retention.api.rfm;

import static dev.retention.api.shared.ProblemAssertions.fieldError;
import static dev.retention.api.shared.ProblemAssertions.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.retention.api.shared.SliceReporting;
import dev.retention.api.shared.WebSliceTest;
import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.rfm.RfmCell;
import dev.retention.domain.rfm.RfmGrid;
import dev.retention.domain.rfm.RfmQuery;
import dev.retention.domain.rfm.RfmScore;
import dev.retention.domain.rfm.RfmSegment;
import dev.retention.domain.rfm.SegmentByRfm;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import dev.retention.domain.shared.ResourceNotFoundException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The RFM endpoints over HTTP: the window's defaults and limits, shares, paging, caching and unknown customers. */
@WebSliceTest
@Import({RfmController.class, SliceReporting.class})
class RfmControllerTest {

    private static final Instant AS_OF = Instant.parse("2026-10-01T00:00:00Z");
    private static final UUID CUSTOMER = UUID.fromString("3f0a7c1e-2b4d-4e6f-8a9b-0c1d2e3f4a5b");

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private SegmentByRfm rfm;

    private static RfmCell cell(int r, int f, long customers, String revenue) {
        return new RfmCell(r, f, RfmSegment.of(r, f), customers, new BigDecimal(revenue), customers * 3);
    }

    @Test
    void withoutParametersTheWindowIsTheYearBeforeNowAndSharesAreComputedFromTheSegments() throws Exception {
        given(rfm.grid(new RfmQuery(SliceReporting.NOW, 365)))
                .willReturn(RfmGrid.of(List.of(cell(5, 5, 1, "300.00"), cell(1, 1, 2, "100.00"))));

        mvc.perform(get("/api/v1/segments/rfm"))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("ETag"))
                .andExpect(jsonPath("$.asOf").value("2026-11-30T00:00:00Z"))
                .andExpect(jsonPath("$.windowDays").value(365))
                .andExpect(jsonPath("$.customers").value(3))
                .andExpect(jsonPath("$.revenue").value(400.00))
                .andExpect(jsonPath("$.segments[0].name").value("Champions"))
                .andExpect(jsonPath("$.segments[0].averageMonetaryScore").value(3.0))
                .andExpect(jsonPath("$.cells.length()").value(25))
                .andExpect(jsonPath("$.cells[4].recencyScore").value(5))
                .andExpect(jsonPath("$.cells[4].frequencyScore").value(5))
                .andExpect(jsonPath("$.cells[4].segment").value("CHAMPIONS"))
                .andExpect(jsonPath("$.cells[4].customerShare").value(33.3333))
                .andExpect(jsonPath("$.cells[20].segment").value("LOST"))
                .andExpect(jsonPath("$.cells[20].revenueShare").value(25.0))
                .andExpect(jsonPath("$.cells[0].customers").value(0))
                .andExpect(jsonPath("$.segments[0].customerShare").value(33.3333))
                .andExpect(jsonPath("$.segments[0].revenueShare").value(75.0))
                .andExpect(jsonPath("$.segments[" + RfmSegment.LOST.ordinal() + "].customerShare")
                        .value(66.6667))
                .andExpect(jsonPath("$.segments[" + RfmSegment.LOST.ordinal() + "].revenueShare")
                        .value(25.0))
                .andExpect(jsonPath("$.segments[" + RfmSegment.PROMISING.ordinal() + "].customerShare")
                        .value(0.0));
    }

    @Test
    void anAnswerForAGivenMomentCarriesAnETagAndIsServedFromTheCacheAfterwards() throws Exception {
        given(rfm.grid(new RfmQuery(AS_OF, 90))).willReturn(RfmGrid.of(List.of(cell(1, 1, 1, "5"))));

        String etag = mvc.perform(get("/api/v1/segments/rfm")
                        .param("asOf", "2026-10-01T00:00:00Z")
                        .param("windowDays", "90"))
                .andExpect(status().isOk())
                .andExpect(header().exists("ETag"))
                .andReturn()
                .getResponse()
                .getHeader("ETag");
        mvc.perform(get("/api/v1/segments/rfm")
                        .param("asOf", "2026-10-01T00:00:00Z")
                        .param("windowDays", "90")
                        .header("If-None-Match", etag))
                .andExpect(status().isNotModified());

        verify(rfm, times(1)).grid(any());
    }

    @Test
    void aWindowOutsideOneDayToTenYearsIsRefusedAndNothingIsScored() throws Exception {
        mvc.perform(get("/api/v1/segments/rfm").param("windowDays", "3651"))
                .andExpect(status().isBadRequest())
                .andExpect(problem(400, "invalid-input"))
                .andExpect(fieldError("windowDays"));
        mvc.perform(get("/api/v1/segments/rfm").param("windowDays", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(fieldError("windowDays"));

        verifyNoInteractions(rfm);
    }

    @Test
    void anUnknownSegmentNameIsABadRequestNamingTheSegment() throws Exception {
        mvc.perform(get("/api/v1/segments/rfm/{segment}/customers", "WHALES"))
                .andExpect(status().isBadRequest())
                .andExpect(problem(400, "invalid-input"))
                .andExpect(fieldError("segment"));

        verifyNoInteractions(rfm);
    }

    @Test
    void aSegmentsMembersArePagedWithTheirScoresAndTheSegmentsName() throws Exception {
        RfmScore score = new RfmScore(
                CUSTOMER,
                Instant.parse("2026-09-20T10:00:00Z"),
                10,
                4,
                new BigDecimal("120.50"),
                4,
                5,
                5,
                RfmSegment.LOYAL_CUSTOMERS);
        given(rfm.members(eq(new RfmQuery(AS_OF, 365)), eq(RfmSegment.LOYAL_CUSTOMERS), eq(new PageRequest(1, 1))))
                .willReturn(new Page<>(List.of(score), 1, 1, 2));

        mvc.perform(get("/api/v1/segments/rfm/{segment}/customers", "LOYAL_CUSTOMERS")
                        .param("asOf", "2026-10-01T00:00:00Z")
                        .param("page", "1")
                        .param("size", "1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(2))
                .andExpect(jsonPath("$.items[0].customerId").value(CUSTOMER.toString()))
                .andExpect(jsonPath("$.items[0].monetary").value(120.50))
                .andExpect(jsonPath("$.items[0].segment").value("LOYAL_CUSTOMERS"))
                .andExpect(jsonPath("$.items[0].segmentName").value("Loyal Customers"));
    }

    @Test
    void aCustomerWithoutAPurchaseInTheWindowIsNotFoundWithTheReason() throws Exception {
        given(rfm.of(new RfmQuery(SliceReporting.NOW, 365), CustomerId.of(CUSTOMER)))
                .willThrow(new ResourceNotFoundException(
                        "RFM score", CUSTOMER, "Customer " + CUSTOMER + " made no purchase in the window."));

        mvc.perform(get("/api/v1/customers/{id}/rfm", CUSTOMER))
                .andExpect(status().isNotFound())
                .andExpect(problem(404, "not-found"))
                .andExpect(jsonPath("$.detail").value("Customer " + CUSTOMER + " made no purchase in the window."))
                .andExpect(jsonPath("$.errors").doesNotExist());
    }
}
