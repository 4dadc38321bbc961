package dev.retention.api.rfm;

import dev.retention.api.shared.PageResponse;
import dev.retention.api.shared.Paging;
import dev.retention.api.shared.ReportCache;
import dev.retention.api.shared.ResponseHeaders;
import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.rfm.RfmGrid;
import dev.retention.domain.rfm.RfmQuery;
import dev.retention.domain.rfm.RfmScore;
import dev.retention.domain.rfm.RfmSegment;
import dev.retention.domain.rfm.RfmSegmentSummary;
import dev.retention.domain.rfm.SegmentByRfm;
import dev.retention.domain.shared.Decimals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

@RestController
@Tag(name = "RFM segments", description = "Customers scored on recency, frequency and monetary value.")
class RfmController {

    static final String RULES = " Customers with a PURCHASE in the window (asOf - windowDays, asOf] are scored 1 to 5 "
            + "on each figure by quintiles (NTILE(5)): recency by last purchase, frequency by number of purchases, "
            + "monetary by purchases less refunds, each in ascending order with ties broken by customer id, so the "
            + "same data always give the same scores. The segment follows R and F: R 4-5 with F 1 is New Customers "
            + "(R 5) or Promising (R 4), with F 2-3 Potential Loyalists, with F 4-5 Champions (R 5) or Loyal "
            + "Customers (R 4); R 3 is About to Sleep (F 1-2), Need Attention (F 3) or Loyal Customers (F 4-5); R 1-2 "
            + "is Can't Lose Them (F 5), At Risk (F 3-4), Lost (R 1, F 1) or Hibernating (the rest).";

    static final String CACHING = " An answer for a given asOf carries an ETag and is cached until the data change; "
            + "without asOf the window ends now and moves with the clock, so the answer is computed afresh.";

    private final SegmentByRfm rfm;
    private final ReportCache cache;
    private final Clock clock;

    RfmController(SegmentByRfm rfm, ReportCache cache, Clock clock) {
        this.rfm = rfm;
        this.cache = cache;
        this.clock = clock;
    }

    @GetMapping("/api/v1/segments/rfm")
    @Operation(
            operationId = "getRfmSegments",
            summary = "Customers by RFM segment",
            description = "The size, revenue and average scores of every segment, and the 5 × 5 grid of recency and "
                    + "frequency scores with the customers and revenue of each cell." + RULES + CACHING)
    @ApiResponse(responseCode = "200", description = "The segments.")
    @ApiResponse(responseCode = "400", description = "windowDays out of range or asOf malformed.")
    @ResponseHeaders(conditionalGet = true)
    ResponseEntity<RfmSummaryResponse> segments(@ParameterObject RfmWindow window, WebRequest request) {
        RfmQuery query = window.toQuery(clock);
        return cache.answerAsOf(window.asOf(), "rfm|" + query, request, () -> summary(query));
    }

    private RfmSummaryResponse summary(RfmQuery query) {
        RfmGrid grid = rfm.grid(query);
        List<RfmSegmentSummary> summaries = grid.segments();
        long total = summaries.stream().mapToLong(RfmSegmentSummary::customers).sum();
        BigDecimal revenue =
                summaries.stream().map(RfmSegmentSummary::revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new RfmSummaryResponse(
                query.asOf(),
                query.windowDays(),
                total,
                revenue,
                summaries.stream()
                        .map(summary -> new RfmSummaryResponse.Segment(
                                summary.segment(),
                                summary.segment().label(),
                                summary.customers(),
                                Decimals.percent(summary.customers(), total),
                                summary.revenue(),
                                Decimals.percent(summary.revenue(), revenue),
                                summary.averageRecency(),
                                summary.averageFrequency(),
                                summary.averageMonetary()))
                        .toList(),
                grid.cells().stream()
                        .map(cell -> new RfmSummaryResponse.Cell(
                                cell.recencyScore(),
                                cell.frequencyScore(),
                                cell.segment(),
                                cell.customers(),
                                Decimals.percent(cell.customers(), total),
                                cell.revenue(),
                                Decimals.percent(cell.revenue(), revenue)))
                        .toList());
    }

    @GetMapping("/api/v1/segments/rfm/{segment}/customers")
    @Operation(
            operationId = "listRfmSegmentCustomers",
            summary = "The customers of one RFM segment",
            description = "Paged, most recent purchase first." + RULES + CACHING)
    @ApiResponse(responseCode = "200", description = "One page.")
    @ApiResponse(responseCode = "400", description = "Unknown segment, windowDays out of range, or page/size invalid.")
    @ResponseHeaders(conditionalGet = true)
    ResponseEntity<PageResponse<RfmScoreResponse>> members(
            @Parameter(description = "The segment, such as CHAMPIONS or AT_RISK.") @PathVariable RfmSegment segment,
            @ParameterObject RfmWindow window,
            @Parameter(description = "Zero-based page number.") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 500.") @RequestParam(defaultValue = Paging.DEFAULT_SIZE) int size,
            WebRequest request) {
        RfmQuery query = window.toQuery(clock);
        MembersPage pageRequest = new MembersPage(page, size);
        return cache.answerAsOf(
                window.asOf(),
                "rfm-members|" + query + "|" + segment + "|" + pageRequest,
                request,
                () -> members(query, segment, pageRequest));
    }

    private record MembersPage(int page, int size) {}

    private PageResponse<RfmScoreResponse> members(RfmQuery query, RfmSegment segment, MembersPage page) {
        return PageResponse.of(
                rfm.members(query, segment, Paging.of(page.page(), page.size())), RfmController::response);
    }

    @GetMapping("/api/v1/customers/{id}/rfm")
    @Operation(
            operationId = "getCustomerRfm",
            summary = "One customer's RFM scores and segment",
            description = "Scored among all customers with a purchase in the window." + RULES)
    @ApiResponse(responseCode = "200", description = "The scores.")
    @ApiResponse(responseCode = "404", description = "No such customer, or it made no purchase in the window.")
    RfmScoreResponse customer(
            @Parameter(description = "The customer's id.") @PathVariable UUID id, @ParameterObject RfmWindow window) {
        return response(rfm.of(window.toQuery(clock), CustomerId.of(id)));
    }

    private static RfmScoreResponse response(RfmScore score) {
        return new RfmScoreResponse(
                score.customerId(),
                score.lastPurchaseAt(),
                score.recencyDays(),
                score.frequency(),
                score.monetary(),
                score.recencyScore(),
                score.frequencyScore(),
                score.monetaryScore(),
                score.segment(),
                score.segment().label());
    }
}
