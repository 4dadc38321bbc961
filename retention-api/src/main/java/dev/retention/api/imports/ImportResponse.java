package dev.retention.api.imports;

import dev.retention.domain.imports.ImportStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Schema(description = "An import and how far it has come.")
record ImportResponse(
        UUID id,
        ImportStatus status,

        @Schema(description = "The mapping it was created with.")
        ImportRequest mapping,

        @Schema(description = "Size of the file received, bytes; 0 before.")
        long fileBytes,

        @Schema(description = "Rows read so far (the header not counted).")
        long rowsRead,

        @Schema(description = "Rows stored as new events.") long stored,

        @Schema(description = "Rows whose event was stored before (by an earlier import or the API).")
        long duplicates,

        @Schema(description = "Rows not stored; see /imports/{id}/refused for which and why.")
        long refused,

        @Schema(description = "Share of the file read, percent; absent before the file arrived.") @Nullable
        Double percent,

        @Schema(description = "Rows read per second since it started, until now or its end.") @Nullable
        Double rowsPerSecond,

        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        @Schema(description = "Why it failed.") @Nullable String error) {}
