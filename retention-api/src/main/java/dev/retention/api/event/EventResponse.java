package dev.retention.api.event;

import dev.retention.domain.event.EventType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Schema(description = "A stored event.")
record EventResponse(
        @Schema(description = "The service's id of the event.")
        UUID id,

        @Schema(description = "The customer's id.") UUID customerId,

        @Schema(description = "What happened.", example = "PURCHASE")
        EventType type,

        @Schema(description = "When it happened (UTC).") Instant occurredAt,

        @Schema(description = "Amount as sent, for PURCHASE, REFUND and SUBSCRIPTION.", example = "49.9") @Nullable
        BigDecimal amount,

        @Schema(description = "Currency of the amount as sent.", example = "EUR") @Nullable
        String currency,

        @Schema(
                description = "What the amount is worth in the reporting currency, the value every figure adds "
                        + "up; absent when it was sent in the reporting currency.")
        @Nullable
        ConversionResponse conversion,

        @Schema(description = "Product reference.") @Nullable
        String productId,

        @Schema(description = "Properties given with the event.")
        Map<String, Object> properties,

        @Schema(description = "The client's idempotency key.")
        String eventKey,

        @Schema(description = "When the service stored it.") Instant recordedAt,

        @Schema(description = "The order lines; empty for an event without lines.")
        List<OrderLineDto> lines) {

    @Schema(name = "EventConversion", description = "An amount converted into the reporting currency.")
    record ConversionResponse(
            @Schema(description = "The amount in the reporting currency, 4 decimals, half-even.", example = "45.9080")
            BigDecimal amount,

            @Schema(description = "The reporting currency.", example = "EUR")
            String currency,

            @Schema(description = "Units of the reporting currency per unit of the sent currency.", example = "0.92")
            BigDecimal rate,

            @Schema(description = "The UTC day whose rate was used.", example = "2026-02-27")
            LocalDate rateDate) {}
}
