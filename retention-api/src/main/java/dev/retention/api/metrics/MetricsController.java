package dev.retention.api.metrics;

import dev.retention.api.shared.ReportCache;
import dev.retention.api.shared.ReportingSettings;
import dev.retention.api.shared.ResponseHeaders;
import dev.retention.domain.metrics.ComputeCohorts;
import dev.retention.domain.metrics.ComputeRetention;
import dev.retention.domain.metrics.Granularity;
import dev.retention.domain.metrics.ReportingPeriods;
import dev.retention.domain.metrics.RetentionQuery;
import dev.retention.domain.metrics.RetentionReport;
import dev.retention.domain.revenue.ComputeMrrRetention;
import dev.retention.domain.revenue.ComputeRevenueRetention;
import dev.retention.domain.revenue.RevenueComparison;
import dev.retention.domain.revenue.RevenuePeriodFigures;
import dev.retention.domain.revenue.RevenueRetentionQuery;
import dev.retention.domain.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

@RestController
@Tag(name = "Metrics", description = "Retention, churn, revenue and lifetime value per period, for dashboards.")
class MetricsController {

    static final String DEFINITIONS = " A customer's state at a boundary b reflects the events with occurredAt < b "
            + "(an event exactly at b belongs to the period that starts at b). CONTRACTUAL: active from acquisition "
            + "until CHURNED, active again on REACTIVATED. INACTIVITY: active at b iff acquired before b and "
            + "b <= lastActivityBefore(b) + inactivityDays, where acquisition and PURCHASE events are activity. "
            + "Periods are half-open with boundaries at local midnight in the zone. CRR = (E - N) / S * 100; churn "
            + "rate = churned / S * 100; strict retention = retained / S * 100; ARPU = revenue / ((S + E) / 2); "
            + "CLV = margin * ARPU * (1 + d) / (1 + d - r) with r = 1 - churnRate / 100.";

    private final ComputeRetention computeRetention;
    private final ComputeCohorts computeCohorts;
    private final ComputeRevenueRetention computeRevenueRetention;
    private final ComputeMrrRetention computeMrrRetention;
    private final MetricsApiMapper mapper;
    private final ReportingSettings defaults;
    private final ReportCache cache;
    private final Clock clock;

    MetricsController(
            ComputeRetention computeRetention,
            ComputeCohorts computeCohorts,
            ComputeRevenueRetention computeRevenueRetention,
            ComputeMrrRetention computeMrrRetention,
            MetricsApiMapper mapper,
            ReportingSettings defaults,
            ReportCache cache,
            Clock clock) {
        this.cache = cache;
        this.clock = clock;
        this.computeRetention = computeRetention;
        this.computeCohorts = computeCohorts;
        this.computeRevenueRetention = computeRevenueRetention;
        this.computeMrrRetention = computeMrrRetention;
        this.mapper = mapper;
        this.defaults = defaults;
    }

    @ResponseHeaders(conditionalGet = true)
    @GetMapping("/api/v1/metrics/retention")
    @Operation(
            operationId = "getRetention",
            summary = "Retention figures per period",
            description = "S, E, N, retained, churned, reactivated, CRR, churn rate, strict retention rate, "
                    + "revenue, ARPU and CLV for each period of the range, plus the whole range." + DEFINITIONS)
    @ApiResponse(responseCode = "200", description = "The figures.")
    @ApiResponse(responseCode = "400", description = "A parameter is missing or out of range; errors names it.")
    ResponseEntity<RetentionReportResponse> retention(
            @ParameterObject RetentionParameters parameters,
            @Parameter(
                            description = "Gross margin for CLV, 0 to 1; default 1.",
                            schema = @Schema(type = "number", minimum = "0", maximum = "1"))
                    @RequestParam(required = false)
                    BigDecimal margin,
            @Parameter(
                            description = "Discount rate per period for CLV, 0 <= d < 1; default 0.",
                            schema = @Schema(type = "number", minimum = "0", maximum = "1", exclusiveMaximum = true))
                    @RequestParam(required = false)
                    BigDecimal discountRate,
            WebRequest request) {
        RetentionQuery query = parameters.toQuery(defaults, margin, discountRate);
        return cache.answer(
                "retention|" + query, request, () -> response(query, query.segment(), computeRetention.overall(query)));
    }

    @ResponseHeaders(conditionalGet = true)
    @GetMapping("/api/v1/metrics/retention/segments")
    @Operation(
            operationId = "getRetentionBySegment",
            summary = "Retention figures per segment",
            description = "The same figures broken down by customer segment; customers without a segment are "
                    + "reported under segment null, and the counts of all segments add up to the overall counts. "
                    + "With segment given, only that segment is reported." + DEFINITIONS)
    @ApiResponse(responseCode = "200", description = "One report per segment.")
    @ApiResponse(responseCode = "400", description = "A parameter is missing or out of range; errors names it.")
    ResponseEntity<SegmentedRetentionResponse> retentionBySegment(
            @ParameterObject RetentionParameters parameters,
            @Parameter(
                            description = "Gross margin for CLV, 0 to 1; default 1.",
                            schema = @Schema(type = "number", minimum = "0", maximum = "1"))
                    @RequestParam(required = false)
                    BigDecimal margin,
            @Parameter(
                            description = "Discount rate per period for CLV, 0 <= d < 1; default 0.",
                            schema = @Schema(type = "number", minimum = "0", maximum = "1", exclusiveMaximum = true))
                    @RequestParam(required = false)
                    BigDecimal discountRate,
            WebRequest request) {
        RetentionQuery query = parameters.toQuery(defaults, margin, discountRate);
        return cache.answer(
                "segments|" + query,
                request,
                () -> new SegmentedRetentionResponse(computeRetention.bySegment(query).entrySet().stream()
                        .map((Map.Entry<String, RetentionReport> entry) ->
                                response(query, entry.getKey(), entry.getValue()))
                        .toList()));
    }

    @ResponseHeaders(conditionalGet = true)
    @GetMapping("/api/v1/metrics/cohorts")
    @Operation(
            operationId = "getCohorts",
            summary = "Cohort retention and lifetime-value curves",
            description = "A cohort is the customers whose first acquisition falls in the same period. For each cohort "
                    + "and offset k = 0..maxOffset (within the range): the cohort size, the customers of the cohort "
                    + "active at the end of period cohort + k, their share in percent, and the cumulative revenue per "
                    + "cohort customer up to that period." + DEFINITIONS)
    @ApiResponse(responseCode = "200", description = "The cohort matrix.")
    @ApiResponse(responseCode = "400", description = "A parameter is missing or out of range; errors names it.")
    ResponseEntity<CohortsResponse> cohorts(
            @ParameterObject RetentionParameters parameters,
            @Parameter(description = "Last offset, 0 to 999; default: up to the end of the range.")
                    @RequestParam(required = false)
                    Integer maxOffset,
            WebRequest request) {
        if (maxOffset != null && (maxOffset < 0 || maxOffset >= ReportingPeriods.MAX_PERIODS)) {
            throw InvalidInputException.of("maxOffset", "must be between 0 and " + (ReportingPeriods.MAX_PERIODS - 1));
        }
        RetentionQuery query = parameters.toQuery(defaults);
        int offsets = maxOffset == null ? query.periods().size() - 1 : maxOffset;
        return cache.answer(
                "cohorts|" + offsets + "|" + query,
                request,
                () -> new CohortsResponse(
                        query.segment(),
                        query.periods().granularity(),
                        query.periods().zone().getId(),
                        query.model(),
                        computeCohorts.compute(query, offsets).stream()
                                .map(mapper::toRow)
                                .toList()));
    }

    @ResponseHeaders(conditionalGet = true)
    @GetMapping("/api/v1/metrics/summary")
    @Operation(
            operationId = "getRetentionSummary",
            summary = "The latest complete period at a glance",
            description = "The figures of the latest complete period of the configured granularity (default MONTH), "
                    + "for all customers with the configured zone and churn model, and their change against the "
                    + "period before, and the latest period's revenue retention (NRR, GRR, quick ratio) and MRR "
                    + "retention." + DEFINITIONS)
    @ApiResponse(responseCode = "200", description = "The summary.")
    ResponseEntity<SummaryResponse> summary(WebRequest request) {
        Granularity granularity = defaults.granularity();
        LocalDate current = granularity.periodStart(LocalDate.now(clock.withZone(defaults.zone())));
        LocalDate latest = granularity.periodStart(current.minusDays(1));
        LocalDate previous = granularity.periodStart(latest.minusDays(1));
        RetentionQuery query = new RetentionParameters(
                        previous, current, granularity, defaults.zone().getId(), null, null, null, null)
                .toQuery(defaults);
        return cache.answer("summary|" + query, request, () -> {
            RetentionReportResponse report = response(query, null, computeRetention.overall(query));
            PeriodFiguresResponse before = report.periods().get(0);
            PeriodFiguresResponse last = report.periods().get(1);
            RevenueRetentionQuery revenueQuery =
                    new RevenueRetentionQuery(query.periods(), RevenueComparison.PREVIOUS, null);
            List<RevenuePeriodFigures> revenue = computeRevenueRetention.compute(revenueQuery);
            List<RevenuePeriodFigures> mrr = computeMrrRetention.compute(revenueQuery);
            return new SummaryResponse(
                    granularity,
                    report.zone(),
                    report.churnModel(),
                    last,
                    before,
                    SummaryResponse.Change.between(last, before),
                    SummaryResponse.RevenueRetention.of(revenue.get(1), revenue.get(0)),
                    SummaryResponse.MrrRetention.of(mrr.get(1)));
        });
    }

    private RetentionReportResponse response(RetentionQuery query, String segment, RetentionReport report) {
        return new RetentionReportResponse(
                segment,
                query.periods().granularity(),
                query.periods().zone().getId(),
                query.model(),
                (int) query.inactivityWindow().toDays(),
                query.valuation().margin(),
                query.valuation().discountRate(),
                report.periods().stream().map(mapper::toResponse).toList(),
                mapper.toResponse(report.totals()));
    }
}
