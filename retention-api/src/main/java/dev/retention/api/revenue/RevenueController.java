package dev.retention.api.revenue;

import dev.retention.api.shared.ReportCache;
import dev.retention.api.shared.ReportingSettings;
import dev.retention.api.shared.ResponseHeaders;
import dev.retention.domain.revenue.ComputeMrrRetention;
import dev.retention.domain.revenue.ComputeRevenueRetention;
import dev.retention.domain.revenue.RevenueComparison;
import dev.retention.domain.revenue.RevenueMovement;
import dev.retention.domain.revenue.RevenuePeriodFigures;
import dev.retention.domain.revenue.RevenueRetentionQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

@RestController
@Tag(name = "Metrics")
class RevenueController {

    static final String DEFINITIONS = " r(c, P) = purchases − refunds of customer c with occurredAt in period P "
            + "(half-open, local midnights in the zone). B = {c : r(c, P') > 0}. NRR = Σ_B max(r(c, P), 0) / "
            + "Σ_B r(c, P') × 100; GRR = Σ_B min(max(r(c, P), 0), r(c, P')) / Σ_B r(c, P') × 100. Movements on r⁺ = "
            + "max(r, 0): new (first positive revenue ever), expansion, contraction, churned, reactivated (positive "
            + "revenue before P'), unchanged. Quick ratio = (new + expansion + reactivated) / (contraction + "
            + "churned). 4 decimals, half-even.";

    static final String NO_BASE =
            "No customer had positive revenue in the compared period, so there is no revenue to " + "retain.";

    static final String MRR_DEFINITIONS = " MRR(c, b) = the amount of customer c's latest SUBSCRIPTION event before "
            + "instant b (0 without one; a SUBSCRIPTION of 0 cancels). Each period P is measured at its end: "
            + "m(c, P) = MRR(c, end of P). B = {c : m(c, P') > 0}. NRR = Σ_B m(c, P) / Σ_B m(c, P') × 100; GRR = "
            + "Σ_B min(m(c, P), m(c, P')) / Σ_B m(c, P') × 100. Movements compare MRR at the two boundaries of P: new "
            + "(no positive MRR ever before P), expansion, contraction, churned, reactivated (positive MRR at some "
            + "moment before P), unchanged. 4 decimals, half-even.";

    static final String NO_MRR_BASE =
            "No customer had positive MRR at the end of the compared period, so there is no " + "MRR to retain.";

    private final ComputeRevenueRetention computeRevenueRetention;
    private final ComputeMrrRetention computeMrrRetention;
    private final ReportingSettings defaults;
    private final ReportCache cache;

    RevenueController(
            ComputeRevenueRetention computeRevenueRetention,
            ComputeMrrRetention computeMrrRetention,
            ReportingSettings defaults,
            ReportCache cache) {
        this.computeRevenueRetention = computeRevenueRetention;
        this.computeMrrRetention = computeMrrRetention;
        this.defaults = defaults;
        this.cache = cache;
    }

    @ResponseHeaders(conditionalGet = true)
    @GetMapping("/api/v1/metrics/revenue")
    @Operation(
            operationId = "getRevenueRetention",
            summary = "Net and gross revenue retention, revenue movements and the quick ratio per period",
            description = "Each period P against its compared period P' (the period before, or a year earlier)."
                    + DEFINITIONS)
    @ApiResponse(responseCode = "200", description = "The figures.")
    @ApiResponse(responseCode = "400", description = "A parameter is missing or out of range; errors names it.")
    ResponseEntity<RevenueReportResponse> revenue(@ParameterObject RevenueParameters parameters, WebRequest request) {
        RevenueRetentionQuery query = parameters.toQuery(defaults);
        return cache.answer("revenue|" + query, request, () -> response(query));
    }

    @ResponseHeaders(conditionalGet = true)
    @GetMapping("/api/v1/metrics/revenue/segments")
    @Operation(
            operationId = "getRevenueRetentionBySegment",
            summary = "Revenue retention per segment",
            description = "The same figures broken down by customer segment; customers without a segment are "
                    + "reported under segment null, and revenue, base, retained revenue and movements of all segments "
                    + "add up to the overall figures. With segment given, only that segment is reported."
                    + DEFINITIONS)
    @ApiResponse(responseCode = "200", description = "One report per segment that had revenue.")
    @ApiResponse(responseCode = "400", description = "A parameter is missing or out of range; errors names it.")
    ResponseEntity<RevenueSegmentsResponse> revenueBySegment(
            @ParameterObject RevenueParameters parameters, WebRequest request) {
        RevenueRetentionQuery query = parameters.toQuery(defaults);
        return cache.answer(
                "revenue-segments|" + query,
                request,
                () -> new RevenueSegmentsResponse(computeRevenueRetention.bySegment(query).entrySet().stream()
                        .map(segment -> response(query, segment.getKey(), segment.getValue()))
                        .toList()));
    }

    @ResponseHeaders(conditionalGet = true)
    @GetMapping("/api/v1/metrics/mrr")
    @Operation(
            operationId = "getMrrRetention",
            summary = "MRR, net and gross MRR retention, MRR movements and the quick ratio per period",
            description = "Monthly recurring revenue from SUBSCRIPTION events, measured at the end of each period P "
                    + "and of its compared period P' (the period before, or a year earlier)."
                    + MRR_DEFINITIONS)
    @ApiResponse(responseCode = "200", description = "The figures.")
    @ApiResponse(responseCode = "400", description = "A parameter is missing or out of range; errors names it.")
    ResponseEntity<MrrReportResponse> mrr(@ParameterObject RevenueParameters parameters, WebRequest request) {
        RevenueRetentionQuery query = parameters.toQuery(defaults);
        return cache.answer(
                "mrr|" + query,
                request,
                () -> new MrrReportResponse(
                        query.segment(),
                        query.periods().granularity(),
                        query.periods().zone().getId(),
                        query.compareTo(),
                        computeMrrRetention.compute(query).stream()
                                .map(period -> mrrPeriod(period, query.compareTo()))
                                .toList()));
    }

    private RevenueReportResponse response(RevenueRetentionQuery query) {
        return response(query, query.segment(), computeRevenueRetention.compute(query));
    }

    private static RevenueReportResponse response(
            RevenueRetentionQuery query, String segment, List<RevenuePeriodFigures> figures) {
        return new RevenueReportResponse(
                segment,
                query.periods().granularity(),
                query.periods().zone().getId(),
                query.compareTo(),
                figures.stream()
                        .map(period -> period(period, query.compareTo()))
                        .toList());
    }

    private static RevenueReportResponse.Period period(RevenuePeriodFigures figures, RevenueComparison compareTo) {
        return new RevenueReportResponse.Period(
                figures.period().startDate(),
                figures.period().endDate(),
                figures.comparedStart(),
                figures.revenue(),
                figures.positiveRevenue(),
                figures.positiveCustomers(),
                figures.refundsBeyondRevenue(),
                figures.comparedPositiveRevenue(),
                figures.baseCustomers(),
                figures.baseRevenue(),
                figures.netRetainedRevenue(),
                figures.grossRetainedRevenue(),
                figures.nrr(),
                figures.grr(),
                figures.baseCustomers() == 0 ? NO_BASE : null,
                compareTo == RevenueComparison.PREVIOUS
                        ? movements(figures.movements(), RevenueReportResponse.Movements::new)
                        : null,
                figures.quickRatio());
    }

    private static MrrReportResponse.Period mrrPeriod(RevenuePeriodFigures figures, RevenueComparison compareTo) {
        return new MrrReportResponse.Period(
                figures.period().startDate(),
                figures.period().endDate(),
                figures.comparedStart(),
                figures.revenue(),
                figures.positiveCustomers(),
                figures.comparedPositiveRevenue(),
                figures.baseCustomers(),
                figures.baseRevenue(),
                figures.netRetainedRevenue(),
                figures.grossRetainedRevenue(),
                figures.nrr(),
                figures.grr(),
                figures.baseCustomers() == 0 ? NO_MRR_BASE : null,
                compareTo == RevenueComparison.PREVIOUS
                        ? movements(figures.movements(), MrrReportResponse.Movements::new)
                        : null,
                figures.quickRatio());
    }

    /** The six kinds of movement in the order both answers list them, whichever answer builds them. */
    @FunctionalInterface
    private interface MovementsOf<T> {
        T of(
                RevenueReportResponse.Movement created,
                RevenueReportResponse.Movement expansion,
                RevenueReportResponse.Movement contraction,
                RevenueReportResponse.Movement churned,
                RevenueReportResponse.Movement reactivated,
                RevenueReportResponse.Movement unchanged);
    }

    private static <T> T movements(
            Map<RevenueMovement, RevenuePeriodFigures.Movement> movements, MovementsOf<T> answer) {
        return answer.of(
                movement(movements.get(RevenueMovement.NEW)),
                movement(movements.get(RevenueMovement.EXPANSION)),
                movement(movements.get(RevenueMovement.CONTRACTION)),
                movement(movements.get(RevenueMovement.CHURNED)),
                movement(movements.get(RevenueMovement.REACTIVATED)),
                movement(movements.get(RevenueMovement.UNCHANGED)));
    }

    private static RevenueReportResponse.Movement movement(RevenuePeriodFigures.Movement movement) {
        return new RevenueReportResponse.Movement(movement.customers(), movement.amount());
    }
}
