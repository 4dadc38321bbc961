package dev.retention.domain.imports;

import dev.retention.domain.shared.ConflictException;
import dev.retention.domain.shared.Instants;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import dev.retention.domain.shared.ResourceNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Imports of CSV files of events: created with their mapping, then given their file, which is stored and run in the
 * background. A running import whose progress stopped for {@link #STALLED_AFTER} (its instance stopped) is reported
 * as failed.
 */
public class ManageImports {

    public static final Duration STALLED_AFTER = Duration.ofMinutes(5);

    private final ImportJobs jobs;
    private final ImportFiles files;
    private final RunImport runImport;
    private final Executor workers;
    private final Clock clock;

    public ManageImports(ImportJobs jobs, ImportFiles files, RunImport runImport, Executor workers, Clock clock) {
        this.jobs = jobs;
        this.files = files;
        this.runImport = runImport;
        this.workers = workers;
        this.clock = clock;
    }

    public ImportJob create(ImportMapping mapping) {
        mapping.check();
        Instant now = Instants.now(clock);
        ImportJob job = new ImportJob(
                UUID.randomUUID(),
                mapping,
                ImportStatus.AWAITING_FILE,
                0,
                ImportProgress.NONE,
                now,
                null,
                now,
                null,
                null);
        jobs.add(job);
        return job;
    }

    /** Stores the file, streaming it, and starts the import in the background. */
    public ImportJob receive(UUID id, InputStream body) {
        ImportJob job = find(id);
        if (job.status() != ImportStatus.AWAITING_FILE) {
            throw new ConflictException(
                    "import-file-received", "Import " + id + " has its file already (" + job.status() + ").");
        }
        long size;
        try {
            size = files.store(id, body);
        } catch (IOException failed) {
            files.delete(id);
            throw new UncheckedIOException("the file could not be stored", failed);
        }
        if (!jobs.queue(id, size, Instants.now(clock))) {
            files.delete(id);
            throw new ConflictException("import-file-received", "Import " + id + " received its file meanwhile.");
        }
        workers.execute(() -> runImport.run(id));
        return find(id);
    }

    public ImportJob find(UUID id) {
        ImportJob job = jobs.find(id).orElseThrow(() -> new ResourceNotFoundException("import", id));
        Instant now = Instants.now(clock);
        if (job.status() == ImportStatus.RUNNING
                && job.updatedAt().plus(STALLED_AFTER).isBefore(now)) {
            jobs.finish(
                    id,
                    ImportStatus.FAILED,
                    "The import stopped making progress (its instance stopped). The rows counted as stored stay "
                            + "stored; import the file again to go on (they count as duplicates then).",
                    now);
            return jobs.find(id).orElseThrow();
        }
        return job;
    }

    public Page<ImportJob> list(PageRequest page) {
        return jobs.list(page);
    }

    /** The refused rows, in file order. */
    public void refusals(UUID id, Consumer<RefusedRow> each) {
        find(id);
        jobs.refusals(id, each);
    }
}
