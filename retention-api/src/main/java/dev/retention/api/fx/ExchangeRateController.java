package dev.retention.api.fx;

import dev.retention.api.shared.PageResponse;
import dev.retention.api.shared.Paging;
import dev.retention.domain.fx.ExchangeRate;
import dev.retention.domain.fx.ManageExchangeRates;
import dev.retention.domain.fx.ManageExchangeRates.RateDraft;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/fx-rates")
@Tag(
        name = "Exchange rates",
        description = "Daily rates that convert amounts sent in other currencies into the reporting currency.")
class ExchangeRateController {

    private final ManageExchangeRates rates;

    ExchangeRateController(ManageExchangeRates rates) {
        this.rates = rates;
    }

    @PutMapping
    @Operation(
            operationId = "setExchangeRates",
            summary = "Set daily exchange rates",
            description = "Stores each rate, replacing the one of the same currency and day; rates not listed are "
                    + "kept. All or nothing: one bad rate refuses the whole set. An event in another currency is "
                    + "converted when it is recorded, at the rate of its UTC day or else of the latest earlier day "
                    + "within 7 days, and keeps that conversion: a rate set later changes no stored event.")
    @ApiResponse(responseCode = "200", description = "Stored.")
    @ApiResponse(
            responseCode = "400",
            description = "A rate is malformed or repeated; errors names each one, such as rates[2].rate.")
    @ApiResponse(responseCode = "422", description = "A rate is given for the reporting currency.")
    ExchangeRatesSetResponse set(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The rates.") @RequestBody
                    ExchangeRatesRequest request) {
        List<RateDraft> drafts = request.rates() == null
                ? null
                : request.rates().stream()
                        .map(rate -> rate == null ? null : new RateDraft(rate.currency(), rate.date(), rate.rate()))
                        .toList();
        int stored = rates.set(drafts);
        return new ExchangeRatesSetResponse(stored, rates.reportingCurrency().getCurrencyCode());
    }

    @GetMapping
    @Operation(
            operationId = "listExchangeRates",
            summary = "List the exchange rates",
            description = "By currency, then day, paged.")
    @ApiResponse(responseCode = "200", description = "One page.")
    @ApiResponse(responseCode = "400", description = "A filter is malformed; errors names it.")
    PageResponse<ExchangeRateBody> list(
            @Parameter(description = "Only this currency (ISO 4217).", example = "USD") @RequestParam(required = false)
                    String currency,
            @Parameter(description = "From this UTC day on.")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate from,
            @Parameter(description = "Up to and including this UTC day.")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate to,
            @Parameter(description = "Zero-based page number.") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 500.") @RequestParam(defaultValue = Paging.DEFAULT_SIZE)
                    int size) {
        return PageResponse.of(rates.list(currency, from, to, Paging.of(page, size)), ExchangeRateController::body);
    }

    private static ExchangeRateBody body(ExchangeRate rate) {
        return new ExchangeRateBody(rate.currency(), rate.date(), rate.rate());
    }
}
