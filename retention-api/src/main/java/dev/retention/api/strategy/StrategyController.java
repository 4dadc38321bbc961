package dev.retention.api.strategy;

import dev.retention.api.shared.PageResponse;
import dev.retention.api.shared.Paging;
import dev.retention.api.shared.ReportingSettings;
import dev.retention.api.shared.ResponseHeaders;
import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.metrics.CustomerFilter;
import dev.retention.domain.metrics.LifecycleQuery;
import dev.retention.domain.shared.InvalidInputException;
import dev.retention.domain.strategy.Assignment;
import dev.retention.domain.strategy.Comparison;
import dev.retention.domain.strategy.Group;
import dev.retention.domain.strategy.ManageStrategies;
import dev.retention.domain.strategy.Strategy;
import dev.retention.domain.strategy.StrategyEffect;
import dev.retention.domain.strategy.StrategyStatus;
import dev.retention.domain.strategy.StrategyTarget;
import dev.retention.domain.strategy.Touch;
import dev.retention.domain.strategy.WindowEffect;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/v1/strategies")
@Tag(name = "Strategies", description = "Retention strategies with a holdout group and their measured effect.")
class StrategyController {

    private final ManageStrategies manage;
    private final ReportingSettings defaults;

    StrategyController(ManageStrategies manage, ReportingSettings defaults) {
        this.manage = manage;
        this.defaults = defaults;
    }

    @ResponseHeaders(location = true)
    @PostMapping
    @Operation(
            operationId = "createStrategy",
            summary = "Create a strategy",
            description = "Stores the strategy as DRAFT; nobody is assigned before activation.")
    @ApiResponse(responseCode = "201", description = "Created, with its Location.")
    @ApiResponse(responseCode = "400", description = "Invalid fields; errors names each one.")
    ResponseEntity<StrategyResponse> create(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The strategy.") @RequestBody
                    StrategyRequest request) {
        StrategyRequest.Target target = request.target();
        Strategy strategy = manage.create(
                request.name(),
                request.type(),
                request.action(),
                request.channel(),
                target == null
                        ? null
                        : new StrategyTarget(
                                target.rfmSegments(),
                                target.customerSegment() == null
                                                || target.customerSegment().isBlank()
                                        ? null
                                        : target.customerSegment(),
                                Boolean.TRUE.equals(target.atRisk())),
                request.startsAt(),
                request.endsAt(),
                request.holdoutPercent(),
                request.recommendations());
        URI location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}")
                .buildAndExpand(strategy.id())
                .toUri();
        return ResponseEntity.created(location).body(response(strategy));
    }

    @GetMapping
    @Operation(operationId = "listStrategies", summary = "List strategies", description = "Newest first, paged.")
    @ApiResponse(responseCode = "200", description = "One page.")
    PageResponse<StrategyResponse> list(
            @Parameter(description = "Zero-based page number.") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 500.") @RequestParam(defaultValue = Paging.DEFAULT_SIZE)
                    int size) {
        return PageResponse.of(manage.list(Paging.of(page, size)), StrategyController::response);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getStrategy", summary = "Get one strategy")
    @ApiResponse(responseCode = "200", description = "The strategy.")
    @ApiResponse(responseCode = "404", description = "No strategy has this id.")
    StrategyResponse get(@Parameter(description = "The strategy's id.") @PathVariable UUID id) {
        return response(manage.find(id));
    }

    @Schema(name = "StrategyTransition", description = "The status to move to.")
    record Transition(
            @Schema(
                    description = "ACTIVE, COMPLETED or CANCELLED (a strategy never moves back to " + "DRAFT).",
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    implementation = TargetStatus.class)
            StrategyStatus status) {}

    /** The statuses a transition may name: every status but DRAFT. */
    @Schema(name = "StrategyTransitionStatus", description = "A status a strategy can move to.")
    enum TargetStatus {
        ACTIVE,
        COMPLETED,
        CANCELLED
    }

    @PostMapping("/{id}/transitions")
    @Operation(
            operationId = "moveStrategy",
            summary = "Activate, complete or cancel a strategy",
            description = "Legal moves: DRAFT to ACTIVE or CANCELLED, ACTIVE to COMPLETED or CANCELLED. Activation "
                    + "(before the window ends) assigns the customers targeted at that moment: each goes to HOLDOUT "
                    + "when the first 8 bytes of SHA-256(strategyId:customerId) modulo 10,000 fall below "
                    + "holdoutPercent × 100, else to TREATMENT, so the split is stable and reproducible.")
    @ApiResponse(responseCode = "200", description = "The strategy after the move.")
    @ApiResponse(responseCode = "400", description = "status missing or unknown.")
    @ApiResponse(responseCode = "404", description = "No strategy has this id.")
    @ApiResponse(
            responseCode = "409",
            description = "The move is not allowed from the current status, or the " + "window is over.")
    StrategyResponse move(
            @Parameter(description = "The strategy's id.") @PathVariable UUID id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The new status.") @RequestBody
                    Transition transition) {
        if (transition.status() == null) {
            throw InvalidInputException.of("status", "is required: ACTIVE, COMPLETED or CANCELLED");
        }
        return response(manage.moveTo(id, transition.status()));
    }

    @Schema(name = "StrategyAssignment", description = "A targeted customer and its side.")
    record AssignmentResponse(
            @Schema(description = "The customer.") UUID customerId,
            @Schema(description = "TREATMENT or HOLDOUT.") Group group,
            @Schema(description = "When it was assigned.") Instant assignedAt,

            @Schema(
                    description = "For a treated customer of a strategy with recommendations: the products "
                            + "recommended at activation, best first; else empty.")
            List<String> recommendedProducts) {}

    @GetMapping("/{id}/assignments")
    @Operation(
            operationId = "listStrategyAssignments",
            summary = "The targeted customers and their side",
            description = "Paged by customer id, so the CRM can run the action on the treatment group.")
    @ApiResponse(responseCode = "200", description = "One page.")
    @ApiResponse(responseCode = "404", description = "No strategy has this id.")
    PageResponse<AssignmentResponse> assignments(
            @Parameter(description = "The strategy's id.") @PathVariable UUID id,
            @Parameter(description = "Only this side.") @RequestParam(required = false) Group group,
            @Parameter(description = "Zero-based page number.") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 500.") @RequestParam(defaultValue = Paging.DEFAULT_SIZE)
                    int size) {
        return PageResponse.of(
                manage.assignments(id, group, Paging.of(page, size)),
                (Assignment a) -> new AssignmentResponse(a.customerId(), a.group(), a.assignedAt(), a.recommended()));
    }

    @Schema(name = "StrategyTouch", description = "The action reached a customer.")
    record TouchRequest(
            @Schema(description = "The customer.", requiredMode = Schema.RequiredMode.REQUIRED)
            UUID customerId,

            @Schema(description = "SENT, OPENED or REDEEMED.", requiredMode = Schema.RequiredMode.REQUIRED)
            Touch.Kind kind,

            @Schema(description = "When (UTC); default now.")
            Instant occurredAt) {}

    @Schema(name = "StrategyTouchRecorded", description = "A recorded touch.")
    record TouchResponse(
            @Schema(description = "The touch's id.") UUID id,
            @Schema(description = "The customer.") UUID customerId,
            @Schema(description = "What happened.") Touch.Kind kind,
            @Schema(description = "When.") Instant occurredAt) {}

    @PostMapping("/{id}/touches")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            operationId = "recordStrategyTouch",
            summary = "Record that the action reached a customer",
            description = "Only treatment customers of an ACTIVE or COMPLETED strategy can be touched.")
    @ApiResponse(responseCode = "201", description = "Recorded.")
    @ApiResponse(responseCode = "400", description = "customerId or kind missing.")
    @ApiResponse(responseCode = "404", description = "No strategy has this id.")
    @ApiResponse(responseCode = "409", description = "The strategy is a draft or cancelled.")
    @ApiResponse(responseCode = "422", description = "The customer is not assigned, or is in the holdout group.")
    TouchResponse touch(
            @Parameter(description = "The strategy's id.") @PathVariable UUID id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The touch.") @RequestBody
                    TouchRequest request) {
        if (request.customerId() == null) {
            throw InvalidInputException.of("customerId", "is required");
        }
        if (request.kind() == null) {
            throw InvalidInputException.of("kind", "is required: SENT, OPENED or REDEEMED");
        }
        Touch touch = manage.touch(id, CustomerId.of(request.customerId()), request.kind(), request.occurredAt());
        return new TouchResponse(touch.id(), touch.customerId(), touch.kind(), touch.occurredAt());
    }

    @GetMapping("/{id}/effect")
    @Operation(
            operationId = "getStrategyEffect",
            summary = "Did the strategy work?",
            description = "Treatment against holdout during the window (to now while it runs) and after it, "
                    + "nothing before the window starts (state NOT_STARTED): "
                    + "retention (share active at the end), churn (share of those active at the start who were not "
                    + "at the end) and revenue per customer, by the configured churn model's rules; each with the "
                    + "uplift, its 95% interval (Wald interval for rates, with the pooled two-proportion z; Welch's t "
                    + "for revenue) and a verdict from whether the interval excludes 0.")
    @ApiResponse(responseCode = "200", description = "The effect.")
    @ApiResponse(responseCode = "404", description = "No strategy has this id.")
    @ApiResponse(responseCode = "409", description = "The strategy was never activated.")
    StrategyEffectResponse effect(@Parameter(description = "The strategy's id.") @PathVariable UUID id) {
        StrategyEffect effect = manage.effect(
                id,
                until -> new LifecycleQuery(
                        defaults.churnModel(),
                        defaults.activityTypes(),
                        Duration.ofDays(defaults.inactivityDays()),
                        CustomerFilter.ALL,
                        List.of(until)));
        StrategyEffect.RecommendationUptake uptake = effect.recommendationUptake();
        return new StrategyEffectResponse(
                id,
                effect.state(),
                window(effect.during()),
                window(effect.after()),
                uptake == null
                        ? null
                        : new StrategyEffectResponse.Uptake(
                                uptake.customersWithRecommendations(),
                                uptake.boughtARecommendedProduct(),
                                uptake.share()));
    }

    private static StrategyEffectResponse.Window window(WindowEffect effect) {
        return effect == null
                ? null
                : new StrategyEffectResponse.Window(
                        effect.from(),
                        effect.until(),
                        effect.treatmentCustomers(),
                        effect.holdoutCustomers(),
                        figure(effect.retention()),
                        figure(effect.churn()),
                        figure(effect.revenuePerCustomer()));
    }

    private static StrategyEffectResponse.Figure figure(Comparison comparison) {
        return new StrategyEffectResponse.Figure(
                comparison.treatment(),
                comparison.holdout(),
                comparison.uplift(),
                comparison.lower(),
                comparison.upper(),
                comparison.statistic(),
                comparison.verdict() == null ? null : comparison.verdict().words());
    }

    private static StrategyResponse response(Strategy s) {
        return new StrategyResponse(
                s.id(),
                s.name(),
                s.type(),
                s.action(),
                s.channel(),
                s.target().rfmSegments(),
                s.target().customerSegment(),
                s.target().atRisk(),
                s.startsAt(),
                s.endsAt(),
                s.holdoutPercent(),
                s.status(),
                s.createdAt(),
                s.activatedAt(),
                s.updatedAt(),
                s.recommendations());
    }
}
