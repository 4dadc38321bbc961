package dev.retention.api.security;

import dev.retention.api.shared.EnumDocumentation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Schema(description = "An API key as stored: never the key itself.")
record ApiKeyResponse(
        @Schema(description = "The key's id.") UUID id,

        @Schema(description = "What the key is for.", example = "ops-dashboard")
        String name,

        @Schema(description = "The key's first characters, to tell keys apart.", example = "rtn_Zx3q")
        String prefix,

        @ArraySchema(
                arraySchema = @Schema(description = "Granted scopes."),
                schema = @Schema(ref = EnumDocumentation.SCOPE))
        List<String> scopes,

        @Schema(description = "When it was issued.") Instant createdAt,
        @Schema(description = "Who issued it.") String createdBy,

        @Schema(description = "When it was last used (to the minute).") @Nullable
        Instant lastUsedAt,

        @Schema(description = "When it expires, if ever.") @Nullable
        Instant expiresAt,

        @Schema(description = "When it was revoked, if it was.") @Nullable
        Instant revokedAt,

        ApiKeyStatus status) {}
