package dev.retention.api.event;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

@Schema(name = "OrderLine", description = "One product of an order.")
record OrderLineDto(
        @Schema(
                description = "The product; joins the catalogue (GET /api/v1/products) when it is new.",
                requiredMode = Schema.RequiredMode.REQUIRED,
                minLength = 1,
                maxLength = 128,
                example = "sku-123")
        String productId,

        @Schema(
                description = "How many; a returned line is a line of a REFUND event, with a positive quantity.",
                requiredMode = Schema.RequiredMode.REQUIRED,
                minimum = "1",
                maximum = "1000000000",
                example = "2")
        Long quantity,

        @Schema(
                description = "Price of one, in the event's currency, at most 4 decimals; 0 for a free item.",
                requiredMode = Schema.RequiredMode.REQUIRED,
                minimum = "0",
                example = "4.50")
        BigDecimal unitPrice) {}
