package dev.retention.api.webhook;

import dev.retention.api.shared.EnumDocumentation;
import dev.retention.api.shared.PageResponse;
import dev.retention.api.shared.Paging;
import dev.retention.domain.shared.InvalidInputException;
import dev.retention.domain.shared.Violation;
import dev.retention.domain.webhook.CreatedWebhook;
import dev.retention.domain.webhook.ManageWebhooks;
import dev.retention.domain.webhook.WebhookDelivery;
import dev.retention.domain.webhook.WebhookDraft;
import dev.retention.domain.webhook.WebhookFilters;
import dev.retention.domain.webhook.WebhookKind;
import dev.retention.domain.webhook.WebhookSubscription;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/webhooks")
@Tag(
        name = "Webhooks",
        description = "Messages POSTed to your receivers when customers slip away, come back, change tier and more; "
                + "signed, retried for a day, logged. Needs the webhooks:write scope (or admin).")
class WebhookController {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final ManageWebhooks webhooks;

    WebhookController(ManageWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping
    @Operation(
            operationId = "createWebhook",
            summary = "Subscribe a receiver to webhook messages",
            description = "Creates the subscription with a new signing secret, shown only in this answer. From now "
                    + "on every signal of the chosen kinds that passes the filters is POSTed to the URL, signed, and "
                    + "retried with exponential backoff for up to 24 hours until the receiver answers 2xx.")
    @ApiResponse(responseCode = "201", description = "Created; the answer holds the secret.")
    @ApiResponse(responseCode = "400", description = "A field is missing or malformed; errors names it.")
    @ApiResponse(
            responseCode = "422",
            description = "The URL may not receive webhooks (not https, or resolves to a private address), or a "
                    + "kind's threshold is missing.")
    ResponseEntity<CreatedWebhookResponse> create(@RequestBody WebhookRequest request) {
        CreatedWebhook created = webhooks.create(draft(request));
        return ResponseEntity.created(
                        URI.create("/api/v1/webhooks/" + created.subscription().id()))
                .body(new CreatedWebhookResponse(created.secret().value(), response(created.subscription())));
    }

    @GetMapping
    @Operation(operationId = "listWebhooks", summary = "List webhook subscriptions", description = "Newest first.")
    @ApiResponse(responseCode = "200", description = "One page.")
    PageResponse<WebhookResponse> list(
            @Parameter(description = "Zero-based page number.") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 500.") @RequestParam(defaultValue = Paging.DEFAULT_SIZE)
                    int size) {
        return PageResponse.of(webhooks.list(Paging.of(page, size)), WebhookController::response);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getWebhook", summary = "Get one webhook subscription")
    @ApiResponse(responseCode = "200", description = "The subscription.")
    @ApiResponse(responseCode = "404", description = "No subscription has this id.")
    WebhookResponse get(@Parameter(description = "The subscription's id.") @PathVariable UUID id) {
        return response(webhooks.find(id));
    }

    @PutMapping("/{id}")
    @Operation(
            operationId = "replaceWebhook",
            summary = "Replace a webhook subscription",
            description = "Replaces URL, description, kinds, filters and active as a whole (an omitted field is "
                    + "cleared or takes its default); the secret and the delivery log stay. Set active to false to "
                    + "pause it (nothing new is queued for it, and what was queued waits), to true to resume it, or "
                    + "a subscription stopped after a day of failures.")
    @ApiResponse(responseCode = "200", description = "The subscription as replaced.")
    @ApiResponse(responseCode = "400", description = "A field is missing or malformed; errors names it.")
    @ApiResponse(responseCode = "404", description = "No subscription has this id.")
    @ApiResponse(responseCode = "422", description = "The URL may not receive webhooks, or a threshold is missing.")
    WebhookResponse replace(
            @Parameter(description = "The subscription's id.") @PathVariable UUID id,
            @RequestBody WebhookRequest request) {
        return response(webhooks.replace(id, draft(request)));
    }

    @DeleteMapping("/{id}")
    @Operation(
            operationId = "deleteWebhook",
            summary = "Delete a webhook subscription",
            description = "Deletes the subscription and its delivery log; nothing more is sent to it.")
    @ApiResponse(responseCode = "204", description = "Deleted.")
    @ApiResponse(responseCode = "404", description = "No subscription has this id.")
    ResponseEntity<Void> delete(@Parameter(description = "The subscription's id.") @PathVariable UUID id) {
        webhooks.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/deliveries")
    @Operation(
            operationId = "listWebhookDeliveries",
            summary = "The delivery log of a subscription",
            description = "Every message to the subscription, newest signal first, with its status, attempts and "
                    + "last error.")
    @ApiResponse(responseCode = "200", description = "One page.")
    @ApiResponse(responseCode = "400", description = "An unknown status.")
    @ApiResponse(responseCode = "404", description = "No subscription has this id.")
    PageResponse<WebhookDeliveryResponse> deliveries(
            @Parameter(description = "The subscription's id.") @PathVariable UUID id,
            @Parameter(
                            description = "Only deliveries in this status.",
                            schema = @Schema(ref = EnumDocumentation.WEBHOOK_DELIVERY_STATUS))
                    @RequestParam(required = false)
                    String status,
            @Parameter(description = "Zero-based page number.") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 500.") @RequestParam(defaultValue = Paging.DEFAULT_SIZE)
                    int size) {
        return PageResponse.of(
                webhooks.deliveries(id, status(status), Paging.of(page, size)), WebhookController::response);
    }

    @GetMapping("/{id}/deliveries/{deliveryId}")
    @Operation(operationId = "getWebhookDelivery", summary = "One delivery, with the message as sent")
    @ApiResponse(responseCode = "200", description = "The delivery.")
    @ApiResponse(responseCode = "404", description = "No such subscription, or no such delivery of it.")
    WebhookDeliveryResponse delivery(
            @Parameter(description = "The subscription's id.") @PathVariable UUID id,
            @Parameter(description = "The delivery's id (its webhook-id).") @PathVariable UUID deliveryId) {
        return response(webhooks.delivery(id, deliveryId));
    }

    @PostMapping("/{id}/deliveries/{deliveryId}:redeliver")
    @Operation(
            operationId = "redeliverWebhook",
            summary = "Send a delivery again",
            description = "Queues the message again at once, whatever its status, with the same webhook-id and a "
                    + "new day of retries. The dispatcher sends it within seconds.")
    @ApiResponse(responseCode = "202", description = "Queued.")
    @ApiResponse(responseCode = "404", description = "No such subscription, or no such delivery of it.")
    ResponseEntity<WebhookDeliveryResponse> redeliver(
            @Parameter(description = "The subscription's id.") @PathVariable UUID id,
            @Parameter(description = "The delivery's id (its webhook-id).") @PathVariable UUID deliveryId) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(response(webhooks.redeliver(id, deliveryId)));
    }

    private static WebhookDraft draft(WebhookRequest request) {
        WebhookRequest.Filters filters = request.filters();
        return new WebhookDraft(
                request.url(),
                request.description(),
                kinds(request.kinds()),
                filters == null
                        ? WebhookFilters.NONE
                        : new WebhookFilters(
                                filters.segment(),
                                filters.minimumValueAtRisk(),
                                filters.probabilityAliveBelow(),
                                filters.churnRateAbove()),
                request.active());
    }

    private static Set<WebhookKind> kinds(List<String> values) {
        if (values == null) {
            return null;
        }
        Set<WebhookKind> kinds = new LinkedHashSet<>();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            int index = i;
            WebhookKind.fromValue(value)
                    .ifPresentOrElse(
                            kinds::add,
                            () -> violations.add(new Violation(
                                    "kinds[" + index + "]",
                                    "'" + value + "' is not a kind; known: "
                                            + Arrays.stream(WebhookKind.values())
                                                    .map(WebhookKind::value)
                                                    .toList())));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return kinds;
    }

    private static WebhookDelivery.Status status(String value) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(WebhookDelivery.Status.values())
                .filter(status -> status.name().equals(value))
                .findFirst()
                .orElseThrow(() -> InvalidInputException.of(
                        "status",
                        "'" + value + "' is not a delivery status; known: "
                                + List.of(WebhookDelivery.Status.values())));
    }

    private static WebhookResponse response(WebhookSubscription subscription) {
        WebhookFilters filters = subscription.filters();
        return new WebhookResponse(
                subscription.id(),
                subscription.url(),
                subscription.description(),
                subscription.kinds().stream().map(WebhookKind::value).sorted().toList(),
                new WebhookRequest.Filters(
                        filters.segment(),
                        filters.minimumValueAtRisk(),
                        filters.probabilityAliveBelow(),
                        filters.churnRateAbove()),
                subscription.active(),
                subscription.disabledReason(),
                subscription.failingSince(),
                subscription.createdAt(),
                subscription.updatedAt());
    }

    private static WebhookDeliveryResponse response(WebhookDelivery delivery) {
        return new WebhookDeliveryResponse(
                delivery.id(),
                delivery.subscriptionId(),
                delivery.kind().value(),
                delivery.status().name(),
                delivery.attempts(),
                delivery.raisedAt(),
                delivery.nextAttemptAt(),
                delivery.lastAttemptAt(),
                delivery.lastStatusCode(),
                delivery.lastError(),
                delivery.deliveredAt(),
                new WebhookMessage(
                        delivery.kind().value(), delivery.raisedAt(), JSON.readValue(delivery.data(), OBJECT)));
    }
}
