package dev.retention.api.risk;

import dev.retention.api.shared.ReportCache;
import dev.retention.api.shared.ResponseHeaders;
import dev.retention.domain.risk.AtRiskCustomer;
import dev.retention.domain.risk.AtRiskQuery;
import dev.retention.domain.risk.ListAtRiskCustomers;
import dev.retention.domain.shared.Instants;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

@RestController
@Tag(name = "Customers")
class AtRiskController {

    private final ListAtRiskCustomers atRisk;
    private final ReportCache cache;
    private final Clock clock;

    AtRiskController(ListAtRiskCustomers atRisk, ReportCache cache, Clock clock) {
        this.atRisk = atRisk;
        this.cache = cache;
        this.clock = clock;
    }

    @GetMapping("/api/v1/customers/at-risk")
    @Operation(
            operationId = "listAtRiskCustomers",
            summary = "Active customers who are about to leave",
            description = "Active customers (not erased, not churned at asOf under the contractual rules) whose time "
                    + "since their last purchase exceeds their own rhythm: for a repeat buyer, twice its median gap "
                    + "between purchase days (UTC); for a one-time buyer, the 90th percentile of the gap between the "
                    + "first two purchase days of the repeat buyers of its segment (of all customers when its segment "
                    + "has none or it has no segment). Ordered by value at risk, the purchases less refunds of the "
                    + "12 calendar months (UTC) before asOf, highest first, ties by customer id; each with its reason. "
                    + "An answer for a given asOf carries an ETag and is cached until the data or the predictions "
                    + "change; without asOf it is judged now and computed afresh.")
    @ApiResponse(responseCode = "200", description = "The list; empty when nobody is at risk.")
    @ApiResponse(responseCode = "400", description = "limit out of range or asOf malformed.")
    @ResponseHeaders(conditionalGet = true)
    ResponseEntity<List<AtRiskCustomerResponse>> list(
            @Parameter(description = "The moment to judge at (UTC); default now.")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant asOf,
            @Parameter(description = "How many customers, 1 to 500; default 50.") @RequestParam(defaultValue = "50")
                    int limit,
            WebRequest request) {
        AtRiskQuery query = new AtRiskQuery(asOf == null ? Instants.now(clock) : Instants.stored(asOf), limit);
        return cache.answerAsOf(asOf, "at-risk|" + query, request, () -> find(query));
    }

    private List<AtRiskCustomerResponse> find(AtRiskQuery query) {
        return atRisk.find(query).stream().map(AtRiskController::response).toList();
    }

    private static AtRiskCustomerResponse response(AtRiskCustomer customer) {
        return new AtRiskCustomerResponse(
                customer.customerId(),
                customer.externalId(),
                customer.segment(),
                customer.lastPurchaseAt(),
                customer.daysSinceLastPurchase(),
                customer.purchaseDays(),
                customer.medianGapDays(),
                customer.thresholdDays(),
                customer.valueAtRisk(),
                customer.probabilityAlive(),
                customer.reason());
    }
}
