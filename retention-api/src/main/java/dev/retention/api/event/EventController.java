package dev.retention.api.event;

import dev.retention.api.shared.PageResponse;
import dev.retention.api.shared.Paging;
import dev.retention.api.shared.ProblemTypes;
import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.event.EventOutcome;
import dev.retention.domain.event.IngestionResult;
import dev.retention.domain.event.ReadEventHistory;
import dev.retention.domain.event.RecordEvents;
import dev.retention.domain.shared.ConflictException;
import dev.retention.domain.shared.InvalidInputException;
import dev.retention.domain.shared.RuleViolationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Events", description = "What customers do: purchases, refunds, churn, logins and more.")
class EventController {

    private final RecordEvents recordEvents;
    private final ReadEventHistory eventHistory;
    private final EventApiMapper mapper;
    private final IngestionMetrics metrics;

    EventController(
            RecordEvents recordEvents, ReadEventHistory eventHistory, EventApiMapper mapper, IngestionMetrics metrics) {
        this.recordEvents = recordEvents;
        this.eventHistory = eventHistory;
        this.mapper = mapper;
        this.metrics = metrics;
    }

    @PostMapping("/api/v1/customers/{id}/events")
    @Operation(
            operationId = "recordEvent",
            summary = "Record one event of a customer",
            description = "Idempotent by eventKey: a new key gives 201; the same key with the same content gives "
                    + "200 with the stored event and writes nothing; the same key with other content gives 409.")
    @ApiResponse(responseCode = "201", description = "Stored.")
    @ApiResponse(responseCode = "200", description = "Already stored under this key; nothing written.")
    @ApiResponse(responseCode = "400", description = "Invalid fields.")
    @ApiResponse(responseCode = "404", description = "No customer has this id.")
    @ApiResponse(responseCode = "409", description = "Key used with other content, or customer erased.")
    @ApiResponse(
            responseCode = "422",
            description =
                    "A business rule refuses it, such as an amount in a currency without an exchange rate for its day.")
    ResponseEntity<EventResponse> record(
            @Parameter(description = "The customer's id.") @PathVariable UUID id, @RequestBody EventRequest request) {
        IngestionResult result = recordEvents.recordOne(mapper.toSubmission(request, CustomerId.of(id)));
        metrics.record(result);
        EventOutcome outcome = result.outcomes().get(0);
        return switch (outcome.status()) {
            case CREATED -> ResponseEntity.status(HttpStatus.CREATED).body(mapper.toResponse(outcome.event()));
            case DUPLICATE -> ResponseEntity.ok(mapper.toResponse(outcome.event()));
            case CONFLICT ->
                throw new ConflictException(
                        "event-key-conflict",
                        "Event key '" + request.eventKey()
                                + "' is already used by another event of this customer with different content");
            case INVALID, NOT_STORED -> throw refusal(outcome);
        };
    }

    @GetMapping("/api/v1/customers/{id}/events")
    @Operation(
            operationId = "listCustomerEvents",
            summary = "A customer's events",
            description = "Pages through the customer's events with from <= occurredAt < to, oldest first.")
    @ApiResponse(responseCode = "200", description = "One page of events.")
    @ApiResponse(responseCode = "404", description = "No customer has this id.")
    PageResponse<EventResponse> history(
            @Parameter(description = "The customer's id.") @PathVariable UUID id,
            @Parameter(description = "Only events at or after this instant (UTC).")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant from,
            @Parameter(description = "Only events before this instant (UTC).")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant to,
            @Parameter(description = "Zero-based page number.") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 500.") @RequestParam(defaultValue = Paging.DEFAULT_SIZE)
                    int size) {
        return PageResponse.of(eventHistory.of(CustomerId.of(id), from, to, Paging.of(page, size)), mapper::toResponse);
    }

    @PostMapping("/api/v1/events:batch")
    @Operation(
            operationId = "recordEventBatch",
            summary = "Record up to 5,000 events at once",
            description = "Events of many customers, named by customerId or externalId; with createCustomer an "
                    + "unknown externalId creates the customer. The whole batch is checked first and stored all or "
                    + "nothing: 200 lists per event CREATED or DUPLICATE; 422 (Problem Details) lists every event's "
                    + "outcome with the errors of the refused ones, and nothing was written. Posting the same batch "
                    + "again is harmless.")
    @ApiResponse(responseCode = "200", description = "Stored; per event CREATED or DUPLICATE.")
    @ApiResponse(responseCode = "400", description = "Malformed body or more than 5,000 events.")
    @ApiResponse(
            responseCode = "422",
            description = "Some events refused; nothing written. A Problem Details "
                    + "document whose items list every event's outcome, as in the 200 answer.")
    BatchResponse recordBatch(@Valid @RequestBody BatchRequest request) {
        IngestionResult result = recordEvents.record(
                request.events().stream().map(mapper::toSubmission).toList());
        metrics.record(result);
        BatchResponse body = mapper.toResponse(result);
        if (!result.accepted()) {
            throw new BatchRejectedException(body);
        }
        return body;
    }

    /** A refused batch is a Problem Details document that carries the per-event outcomes. */
    @ExceptionHandler(BatchRejectedException.class)
    ProblemDetail batchRejected(BatchRejectedException exception) {
        BatchResponse body = exception.response();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT,
                body.rejected() + " of " + body.items().size()
                        + " events were refused (see items); nothing was written.");
        problem.setType(ProblemTypes.of("batch-rejected"));
        problem.setTitle("Batch refused");
        problem.setProperty("created", body.created());
        problem.setProperty("duplicates", body.duplicates());
        problem.setProperty("rejected", body.rejected());
        problem.setProperty("items", body.items());
        return problem;
    }

    private static RuntimeException refusal(EventOutcome outcome) {
        return switch (outcome.problem()) {
            case "event-rule-violated" ->
                new RuleViolationException(
                        outcome.problem(), "The event breaks a business rule; see errors.", outcome.errors());
            case "customer-erased" ->
                new ConflictException(outcome.problem(), "The customer has been erased and takes no new events");
            default -> new InvalidInputException(outcome.errors());
        };
    }
}
