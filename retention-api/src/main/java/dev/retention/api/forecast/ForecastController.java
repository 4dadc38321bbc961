package dev.retention.api.forecast;

import dev.retention.api.shared.ReportCache;
import dev.retention.api.shared.ReportingSettings;
import dev.retention.api.shared.ResponseHeaders;
import dev.retention.domain.forecast.ForecastRetention;
import dev.retention.domain.forecast.RetentionForecast;
import dev.retention.domain.forecast.RetentionForecastQuery;
import dev.retention.domain.forecast.SbgFit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

@RestController
@Tag(name = "Forecasts", description = "Projections of retention from fitted models.")
class ForecastController {

    private final ForecastRetention forecastRetention;
    private final ReportingSettings defaults;
    private final ReportCache cache;
    private final Clock clock;

    ForecastController(
            ForecastRetention forecastRetention, ReportingSettings defaults, ReportCache cache, Clock clock) {
        this.forecastRetention = forecastRetention;
        this.defaults = defaults;
        this.cache = cache;
        this.clock = clock;
    }

    @ResponseHeaders(conditionalGet = true)
    @GetMapping("/api/v1/forecasts/retention")
    @Operation(
            operationId = "getRetentionForecast",
            summary = "Forecast contractual retention with the shifted-beta-geometric model",
            description = "Survivor curves of the acquisition cohorts under the CONTRACTUAL churn model (a customer "
                    + "counts until its first churn), fitted by maximum likelihood to the sBG model of Fader and "
                    + "Hardie (2007): each customer churns at the end of any period with its own probability θ, and "
                    + "θ ~ Beta(α, β) across customers. P(T = 1) = α / (α + β), r_t = (β + t − 1) / (α + β + t − 1), "
                    + "S(t) = Π r_j. Projections carry the customers alive now forward by S(age + j) / S(age); the "
                    + "residual lifetime after n renewals is 2F1(1, β + n; α + β + n; 1 / (1 + d)) − 1.")
    @ApiResponse(responseCode = "200", description = "The fits; a group that could not be fitted says why.")
    @ApiResponse(responseCode = "400", description = "A parameter is missing or out of range; errors names it.")
    @ApiResponse(
            responseCode = "422",
            description = "No group could be fitted (too few periods or customers, nobody churned); errors say why.")
    ResponseEntity<RetentionForecastResponse> forecast(
            @ParameterObject ForecastParameters parameters, WebRequest request) {
        RetentionForecastQuery query = parameters.toQuery(defaults, clock);
        return cache.answer("forecast|" + query, request, () -> response(query, forecastRetention.forecast(query)));
    }

    private static RetentionForecastResponse response(RetentionForecastQuery query, RetentionForecast forecast) {
        return new RetentionForecastResponse(
                query.granularity(),
                query.zone().getId(),
                query.fitBy(),
                forecast.observedUntil(),
                forecast.groups().stream().map(ForecastController::group).toList());
    }

    private static RetentionForecastResponse.Group group(RetentionForecast.Group group) {
        SbgFit fit = group.fit();
        return new RetentionForecastResponse.Group(
                group.cohort(),
                group.segment(),
                group.customers(),
                group.aliveNow(),
                fit == null ? null : fraction(fit.model().alpha()),
                fit == null ? null : fraction(fit.model().beta()),
                fit == null ? null : fraction(fit.alphaStandardError()),
                fit == null ? null : fraction(fit.betaStandardError()),
                fit == null ? null : fraction(fit.logLikelihood()),
                group.fitNote(),
                group.survival().stream()
                        .map(point -> new RetentionForecastResponse.SurvivalPoint(
                                point.period(),
                                fraction(point.observedShare()),
                                fraction(point.modelSurvival()),
                                fraction(point.modelRetentionRate())))
                        .toList(),
                group.projection().stream()
                        .map(period -> new RetentionForecastResponse.ProjectedPeriod(
                                period.date(),
                                BigDecimal.valueOf(period.expectedCustomers()).setScale(2, RoundingMode.HALF_EVEN),
                                fraction(period.expectedRetentionRate())))
                        .toList(),
                group.residualValues().stream()
                        .map(value -> new RetentionForecastResponse.ResidualValue(
                                value.renewals(),
                                fraction(value.nextRenewalRate()),
                                fraction(value.residualLifetime()),
                                value.value()))
                        .toList());
    }

    /** 6 decimals, half-even; null stays null, and nothing that is not a number reaches JSON. */
    private static BigDecimal fraction(Double value) {
        return value == null || !Double.isFinite(value)
                ? null
                : BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_EVEN);
    }
}
