package dev.retention.api.fx;

import static dev.retention.api.shared.ProblemAssertions.fieldError;
import static dev.retention.api.shared.ProblemAssertions.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.retention.api.shared.WebSliceTest;
import dev.retention.domain.fx.ExchangeRate;
import dev.retention.domain.fx.ManageExchangeRates;
import dev.retention.domain.fx.ManageExchangeRates.RateDraft;
import dev.retention.domain.shared.InvalidInputException;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import dev.retention.domain.shared.Violation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Exchange rates over HTTP: a set bound and answered, refusals named by field, the list filtered and paged. */
@WebSliceTest
@Import(ExchangeRateController.class)
class ExchangeRateControllerTest {

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private ManageExchangeRates rates;

    @BeforeEach
    void reportingCurrency() {
        given(rates.reportingCurrency()).willReturn(Currency.getInstance("EUR"));
    }

    @Test
    void aSetOfRatesIsStoredAndCounted() throws Exception {
        given(rates.set(any())).willReturn(2);

        mvc.perform(put("/api/v1/fx-rates")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"rates": [{"currency": "USD", "date": "2026-03-02", "rate": 0.9215},
                                           {"currency": "GBP", "date": "2026-03-02", "rate": "1.17"}]}
                                """))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stored").value(2))
                .andExpect(jsonPath("$.reportingCurrency").value("EUR"));

        verify(rates)
                .set(List.of(
                        new RateDraft("USD", LocalDate.parse("2026-03-02"), new BigDecimal("0.9215")),
                        new RateDraft("GBP", LocalDate.parse("2026-03-02"), new BigDecimal("1.17"))));
    }

    @Test
    void aRefusedRateIsNamedByItsPlaceInTheList() throws Exception {
        given(rates.set(any()))
                .willThrow(new InvalidInputException(List.of(new Violation("rates[1].rate", "must be positive"))));

        mvc.perform(put("/api/v1/fx-rates")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"rates": [{"currency": "USD", "date": "2026-03-02", "rate": 0.92},
                                           {"currency": "GBP", "date": "2026-03-02", "rate": -1}]}
                                """))
                .andExpect(status().isBadRequest())
                .andExpect(problem(400, "invalid-input"))
                .andExpect(fieldError("rates[1].rate"));
    }

    @Test
    void aDateThatIsNoDateIsRefusedBeforeAnythingIsStored() throws Exception {
        mvc.perform(put("/api/v1/fx-rates")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"rates": [{"currency": "USD", "date": "2 March", "rate": 0.92}]}
                                """))
                .andExpect(status().isBadRequest())
                .andExpect(fieldError("rates[0].date"));

        verify(rates, org.mockito.Mockito.never()).set(any());
    }

    @Test
    void theListIsFilteredAndPaged() throws Exception {
        given(rates.list("USD", LocalDate.parse("2026-03-01"), null, new PageRequest(1, 2)))
                .willReturn(new Page<>(
                        List.of(new ExchangeRate("USD", LocalDate.parse("2026-03-04"), new BigDecimal("0.93"))),
                        1,
                        2,
                        3));

        mvc.perform(get("/api/v1/fx-rates")
                        .param("currency", "USD")
                        .param("from", "2026-03-01")
                        .param("page", "1")
                        .param("size", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].currency").value("USD"))
                .andExpect(jsonPath("$.items[0].date").value("2026-03-04"))
                .andExpect(jsonPath("$.items[0].rate").value(0.93))
                .andExpect(jsonPath("$.totalItems").value(3));
    }

    @Test
    void aPageSizeOutOfRangeIsRefused() throws Exception {
        mvc.perform(get("/api/v1/fx-rates").param("size", "501"))
                .andExpect(status().isBadRequest())
                .andExpect(fieldError("size"));

        verifyNoInteractions(rates);
    }
}
