package dev.retention.api.event;

import dev.retention.domain.event.EventType;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

@Schema(description = "An event of one customer.")
record EventRequest(
        @Schema(description = "What happened.", requiredMode = Schema.RequiredMode.REQUIRED, example = "PURCHASE")
        EventType type,

        @Schema(
                description = "When it happened (UTC, ISO 8601). Stored with microsecond precision; at most one day "
                        + "in the future.",
                requiredMode = Schema.RequiredMode.REQUIRED,
                example = "2026-03-01T12:30:00Z")
        Instant occurredAt,

        @Schema(
                description =
                        "Amount with at most 4 decimals; required (unless lines are given) for PURCHASE (0 or more: a free order is "
                                + "activity without revenue), REFUND (positive) and SUBSCRIPTION (the monthly recurring "
                                + "amount from occurredAt on, 0 when cancelled), forbidden otherwise.",
                example = "49.90",
                minimum = "0")
        BigDecimal amount,

        @Schema(
                description = "ISO 4217 code of the amount. Another currency than the reporting one is converted at "
                        + "the exchange rate of the event's UTC day, or of the latest earlier day within 7 days (see "
                        + "PUT /api/v1/fx-rates); without such a rate the event is refused with 422.",
                example = "EUR")
        String currency,

        @Schema(description = "Optional product reference.", example = "sku-123")
        String productId,

        @Schema(description = "Optional small JSON object (at most 32 entries).", example = "{\"channel\":\"web\"}")
        Map<String, Object> properties,

        @Schema(
                description = "Idempotency key, unique per customer, such as the CRM's event id. Posting the same "
                        + "key again with the same content stores nothing and returns the stored event; with other content "
                        + "it is refused.",
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
