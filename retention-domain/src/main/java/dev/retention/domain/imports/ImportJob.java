package dev.retention.domain.imports;

import java.time.Instant;
import java.util.UUID;

/** An import of a CSV file of events, from its creation to its end. */
public record ImportJob(
        UUID id,
        ImportMapping mapping,
        ImportStatus status,
        long fileBytes,
        ImportProgress progress,
        Instant createdAt,
        Instant startedAt,
        Instant updatedAt,
        Instant finishedAt,
        String error) {

    /** Percent of the file read, 0 to 100; null before the file arrived. */
    public Double percent() {
        if (status == ImportStatus.AWAITING_FILE) {
            return null;
        }
        if (status == ImportStatus.SUCCEEDED) {
            return 100.0;
        }
        if (fileBytes == 0) {
            return 0.0;
        }
        return Math.min(100.0, Math.round(1000.0 * progress.bytesRead() / fileBytes) / 10.0);
    }

    /** Rows per second since the import started, until now or its end; null before it started. */
    public Double rowsPerSecond(Instant now) {
        if (startedAt == null) {
            return null;
        }
        Instant end = finishedAt == null ? now : finishedAt;
        double seconds = Math.max(0.001, (end.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0);
        return Math.round(progress.rowsRead() / seconds * 10) / 10.0;
    }
}
