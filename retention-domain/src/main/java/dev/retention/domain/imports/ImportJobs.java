package dev.retention.domain.imports;

import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** Where imports and their refused rows are kept. */
public interface ImportJobs {

    void add(ImportJob job);

    Optional<ImportJob> find(UUID id);

    /** Newest first. */
    Page<ImportJob> list(PageRequest page);

    /** The file is stored: the job is queued; false when it was not awaiting its file. */
    boolean queue(UUID id, long fileBytes, Instant at);

    /** Takes a queued job for running; false when another worker took it. */
    boolean start(UUID id, Instant at);

    /** Records the progress and the rows refused since the last call, in one transaction. */
    void progress(UUID id, ImportProgress progress, List<RefusedRow> refused, Instant at);

    void finish(UUID id, ImportStatus status, String error, Instant at);

    /** The refused rows in file order. */
    void refusals(UUID id, Consumer<RefusedRow> each);
}
