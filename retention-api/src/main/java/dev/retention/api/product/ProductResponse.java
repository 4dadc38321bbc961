package dev.retention.api.product;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

@Schema(description = "A product of the catalogue.")
record ProductResponse(
        @Schema(description = "The product's id, as events and order lines name it.", example = "85123A")
        String id,

        @Schema(description = "Its name; absent while only events have named the product.") @Nullable
        String name,

        @Schema(description = "Its category.") @Nullable String category,

        @Schema(description = "False: never recommended.") boolean active,

        @Schema(description = "When it joined the catalogue.")
        Instant createdAt,

        @Schema(description = "When it was last changed.") Instant updatedAt) {}
