package dev.retention.api.security;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;

@Schema(description = "One administrative action.")
record AuditEntryResponse(
        @Schema(description = "When it happened.") Instant occurredAt,

        @Schema(description = "Who did it.", example = "api-key:5f0c... (admin)")
        String actor,

        @Schema(description = "What was done.", example = "api-key.revoked")
        String action,

        @Schema(description = "To what.", example = "api-key:5f0c...")
        String target,

        @Schema(description = "Further facts.") Map<String, String> details) {}
