package dev.retention.api.event;

import dev.retention.domain.event.EventType;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Schema(description = "An event in a batch; names its customer by customerId or externalId.")
record BatchEventRequest(
        @Schema(description = "The customer's id in this service.")
        UUID customerId,

        @Schema(description = "The customer's id in the CRM.", example = "crm-10042")
        String externalId,

        @Schema(description = "Create the customer when externalId names none yet.", defaultValue = "false")
        Boolean createCustomer,

        @Schema(description = "What happened.", requiredMode = Schema.RequiredMode.REQUIRED, example = "PURCHASE")
        EventType type,

        @Schema(
                description = "When it happened (UTC).",
                requiredMode = Schema.RequiredMode.REQUIRED,
                example = "2026-03-01T12:30:00Z")
        Instant occurredAt,

        @Schema(
                description = "Amount for PURCHASE (0 or more: a free order is activity without revenue; may be "
                        + "left out when lines are given), "
                        + "REFUND (positive) and SUBSCRIPTION (the monthly recurring amount from occurredAt on, 0 "
                        + "when cancelled).",
                example = "49.90",
                minimum = "0")
        BigDecimal amount,

        @Schema(
                description = "ISO 4217 code of the amount; another currency than the reporting one is converted "
                        + "at the rate of the event's UTC day (or the latest earlier day within 7 days).",
                example = "EUR")
        String currency,

        @Schema(description = "Optional product reference.") String productId,
        @Schema(description = "Optional small JSON object.") Map<String, Object> properties,

        @Schema(
                description = "Idempotency key, unique per customer.",
                requiredMode = Schema.RequiredMode.REQUIRED,
                example = "order-2026-0001")
        String eventKey,

        @ArraySchema(
                arraySchema =
                        @Schema(
                                description = "Order lines of a PURCHASE or REFUND of several products; the amount "
                                        + "may then be left out: it is the sum of quantity times unitPrice, and "
                                        + "must equal it when given."),
                maxItems = 1000)
        List<OrderLineDto> lines) {}
