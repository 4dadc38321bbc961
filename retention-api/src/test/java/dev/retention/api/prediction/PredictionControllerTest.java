package dev.retention.api.prediction;

import static dev.retention.api.shared.ProblemAssertions.fieldError;
import static dev.retention.api.shared.ProblemAssertions.problem;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.retention.api.shared.WebSliceTest;
import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.prediction.ClvModel;
import dev.retention.domain.prediction.CustomerPrediction;
import dev.retention.domain.prediction.PredictionOrder;
import dev.retention.domain.prediction.PurchaseSummary;
import dev.retention.domain.prediction.ReadPredictions;
import dev.retention.domain.shared.ResourceNotFoundException;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Predictions over HTTP: one customer's, the ranking's order and limit, and missing models. */
@WebSliceTest
@Import({PredictionController.class, PredictionApiMapperImpl.class})
@TestPropertySource(properties = "retention.currency=GBP")
class PredictionControllerTest {

    private static final UUID CUSTOMER = UUID.fromString("4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e7f");

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private ReadPredictions predictions;

    private static CustomerPrediction prediction() {
        return new CustomerPrediction(
                CUSTOMER,
                new PurchaseSummary(2, 30.43, 38.86, new BigDecimal("22.35")),
                0.72,
                0.31,
                0.85,
                2.93,
                new BigDecimal("35.12"),
                new BigDecimal("98.40"));
    }

    @Test
    void aCustomersPredictionCarriesItsModelItsSummaryAndTheConfiguredCurrency() throws Exception {
        ClvModel model = ClvModelControllerTest.succeeded();
        given(predictions.forCustomer(CustomerId.of(CUSTOMER)))
                .willReturn(new ReadPredictions.Predicted(model, prediction()));

        mvc.perform(get("/api/v1/customers/{id}/prediction", CUSTOMER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.customerId").value(CUSTOMER.toString()))
                .andExpect(jsonPath("$.modelId").value(ClvModelControllerTest.MODEL.toString()))
                .andExpect(jsonPath("$.modelFittedAt").value("2026-11-30T08:00:09Z"))
                .andExpect(jsonPath("$.calibrationEnd").value("1997-09-30"))
                .andExpect(jsonPath("$.frequency").value(2))
                .andExpect(jsonPath("$.probabilityAlive").value(0.72))
                .andExpect(jsonPath("$.lifetimeValue").value(98.40))
                .andExpect(jsonPath("$.currency").value("GBP"));
    }

    @Test
    void theRankingIsByPAliveWhenAskedAndNamesItsOrderAndSegment() throws Exception {
        given(predictions.ranked("retail", PredictionOrder.P_ALIVE, 10))
                .willReturn(new ReadPredictions.Ranking(ClvModelControllerTest.succeeded(), List.of(prediction())));

        mvc.perform(get("/api/v1/predictions")
                        .param("orderBy", "pAlive")
                        .param("limit", "10")
                        .param("segment", " retail "))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.orderBy").value("pAlive"))
                .andExpect(jsonPath("$.segment").value("retail"))
                .andExpect(jsonPath("$.items[0].customerId").value(CUSTOMER.toString()));
    }

    @Test
    void anUnknownOrderIsRefusedWithTheKnownOnesAndNothingIsRanked() throws Exception {
        mvc.perform(get("/api/v1/predictions").param("orderBy", "revenue"))
                .andExpect(status().isBadRequest())
                .andExpect(problem(400, "invalid-input"))
                .andExpect(fieldError("orderBy"))
                .andExpect(jsonPath("$.errors[0].message").value("must be one of [clv, pAlive]"));

        verifyNoInteractions(predictions);
    }

    @Test
    void withoutAModelThePredictionIsNotFound() throws Exception {
        given(predictions.forCustomer(CustomerId.of(CUSTOMER)))
                .willThrow(new ResourceNotFoundException("Model", "all customers", "No model has been fitted yet."));

        mvc.perform(get("/api/v1/customers/{id}/prediction", CUSTOMER))
                .andExpect(status().isNotFound())
                .andExpect(problem(404, "not-found"))
                .andExpect(jsonPath("$.detail").value("No model has been fitted yet."));
    }
}
