package dev.retention.api.admin;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

@Schema(description = "A key to issue.")
record CreateApiKeyRequest(
        @Schema(description = "What the key is for.", example = "ops-dashboard",
                requiredMode = Schema.RequiredMode.REQUIRED) String name,
        @Schema(description = "Scopes: metrics:read, customers:read, customers:write, events:write, loyalty:read, "
                + "loyalty:write, strategies:read, strategies:write, admin (includes all others), ops.",
                example = "[\"metrics:read\", \"customers:read\"]", requiredMode = Schema.RequiredMode.REQUIRED)
        List<String> scopes,
        @Schema(description = "When the key stops working (UTC); never if omitted.",
                example = "2027-12-31T00:00:00Z") Instant expiresAt) {}
