package dev.retention.api.security;

import dev.retention.api.shared.EnumDocumentation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

@Schema(description = "A key to issue.")
record CreateApiKeyRequest(
        @Schema(
                description = "What the key is for.",
                example = "ops-dashboard",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String name,

        @ArraySchema(
                arraySchema =
                        @Schema(
                                description = "The scopes to grant; admin includes all others.",
                                example = "[\"metrics:read\", \"customers:read\"]",
                                requiredMode = Schema.RequiredMode.REQUIRED),
                schema = @Schema(ref = EnumDocumentation.SCOPE),
                minItems = 1)
        List<String> scopes,

        @Schema(description = "When the key stops working (UTC); never if omitted.", example = "2027-12-31T00:00:00Z")
        Instant expiresAt) {}
