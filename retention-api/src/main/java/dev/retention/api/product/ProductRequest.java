package dev.retention.api.product;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "What to say about a product; replaces what was said before.")
record ProductRequest(
        @Schema(
                description = "Its name, 1 to 300 characters.",
                maxLength = 300,
                example = "White hanging heart T-light holder")
        String name,

        @Schema(description = "Its category, 1 to 128 characters.", maxLength = 128, example = "Home decor")
        String category,

        @Schema(description = "False keeps it out of every recommendation.", defaultValue = "true")
        Boolean active) {}
