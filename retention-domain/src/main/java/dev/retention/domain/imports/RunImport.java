package dev.retention.domain.imports;

import dev.retention.domain.event.EventOutcome;
import dev.retention.domain.event.EventSubmission;
import dev.retention.domain.event.IngestionResult;
import dev.retention.domain.event.RecordEvents;
import dev.retention.domain.shared.Concurrently;
import dev.retention.domain.shared.Instants;
import dev.retention.domain.shared.Violation;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * Runs one import: reads the file row by row, turns each into an event by the mapping, and stores them in batches
 * through the same path as the batch API, so that every rule of an event holds and event keys make a second run
 * store nothing twice. Unlike a batch, one bad row does not refuse its neighbours: it is set aside with its reason,
 * and the rest of its batch is stored.
 */
public class RunImport {

    /** Batches stored at once while the next one is read, so that the database works while the file is parsed. */
    static final int BATCHES_IN_FLIGHT = 2;

    private final ImportJobs jobs;
    private final ImportFiles files;
    private final RecordEvents recordEvents;
    private final Executor storers;
    private final Clock clock;

    public RunImport(ImportJobs jobs, ImportFiles files, RecordEvents recordEvents, Executor storers, Clock clock) {
        this.jobs = jobs;
        this.files = files;
        this.recordEvents = recordEvents;
        this.storers = storers;
        this.clock = clock;
    }

    /** What storing one batch did: its counts, and the rows the service refused. */
    private record Stored(long stored, long duplicates, List<RefusedRow> refused) {}

    /** A row read and parsed, or set aside. */
    private record Row(long line, String text, EventSubmission event) {}

    public void run(UUID id) {
        if (!jobs.start(id, Instants.now(clock))) {
            return;
        }
        ImportJob job = jobs.find(id).orElseThrow();
        Counted counted = null;
        long line = 0;
        try (InputStream file = files.open(id)) {
            counted = new Counted(file);
            CsvRecords records = new CsvRecords(
                    new BufferedReader(new InputStreamReader(counted, StandardCharsets.UTF_8), 1 << 16),
                    job.mapping().delimiter());
            CsvRecords.Record header = records.next();
            if (header == null) {
                throw new ImportException("The file is empty: it needs a header row naming its columns.");
            }
            EventRows rows = EventRows.of(header.fields(), job.mapping());
            long read = 0;
            long stored = 0;
            long duplicates = 0;
            long refusedCount = 0;
            List<Row> batch = new ArrayList<>(RecordEvents.MAX_BATCH_SIZE);
            List<RefusedRow> refused = new ArrayList<>();
            Deque<CompletableFuture<Stored>> inFlight = new ArrayDeque<>();
            CsvRecords.Record record;
            do {
                record = records.next();
                if (record != null) {
                    read++;
                    line = record.line();
                    if (record.tooLong()) {
                        refused.add(new RefusedRow(
                                record.line(),
                                record.text(),
                                "longer than " + CsvRecords.MAX_RECORD_LENGTH + " characters"));
                    } else {
                        EventRows.Parsed parsed = rows.parse(record.fields());
                        if (parsed.event() == null) {
                            refused.add(
                                    new RefusedRow(record.line(), record.text(), String.join("; ", parsed.reasons())));
                        } else {
                            batch.add(new Row(record.line(), record.text(), parsed.event()));
                        }
                    }
                }
                if (batch.size() == RecordEvents.MAX_BATCH_SIZE || (record == null && !batch.isEmpty())) {
                    List<Row> full = List.copyOf(batch);
                    inFlight.add(CompletableFuture.supplyAsync(() -> store(full), storers));
                    batch.clear();
                }
                while (inFlight.size() > (record == null ? 0 : BATCHES_IN_FLIGHT)
                        || (!inFlight.isEmpty() && inFlight.peek().isDone())) {
                    Stored done = Concurrently.await(inFlight.poll());
                    stored += done.stored();
                    duplicates += done.duplicates();
                    refused.addAll(done.refused());
                }
                if (refused.size() >= RecordEvents.MAX_BATCH_SIZE
                        || read % RecordEvents.MAX_BATCH_SIZE == 0
                        || record == null) {
                    refusedCount += refused.size();
                    jobs.progress(
                            id,
                            new ImportProgress(read, stored, duplicates, refusedCount, counted.count),
                            refused,
                            Instants.now(clock));
                    refused = new ArrayList<>();
                }
            } while (record != null);
            jobs.finish(id, ImportStatus.SUCCEEDED, null, Instants.now(clock));
        } catch (ImportException unusable) {
            jobs.finish(id, ImportStatus.FAILED, unusable.getMessage(), Instants.now(clock));
        } catch (IOException | RuntimeException failed) {
            jobs.finish(
                    id,
                    ImportStatus.FAILED,
                    "Stopped after line " + line + ": " + failed.getMessage()
                            + ". The rows counted as stored stay stored; import the file again to go on (they count"
                            + " as duplicates then).",
                    Instants.now(clock));
        } finally {
            files.delete(id);
        }
    }

    /**
     * Stores a batch; when the service refuses some of its events (a rule broken, a key taken by other content),
     * those are set aside and the rest is stored.
     */
    private Stored store(List<Row> batch) {
        List<RefusedRow> refused = new ArrayList<>();
        List<Row> pending = batch;
        while (!pending.isEmpty()) {
            IngestionResult result =
                    recordEvents.record(pending.stream().map(Row::event).toList());
            if (result.accepted()) {
                return new Stored(
                        result.count(EventOutcome.Status.CREATED),
                        result.count(EventOutcome.Status.DUPLICATE),
                        refused);
            }
            List<Row> again = new ArrayList<>();
            for (EventOutcome outcome : result.outcomes()) {
                Row row = pending.get(outcome.index());
                if (outcome.status() == EventOutcome.Status.NOT_STORED) {
                    again.add(row);
                } else {
                    refused.add(new RefusedRow(row.line(), row.text(), reason(outcome)));
                }
            }
            pending = again;
        }
        return new Stored(0, 0, refused);
    }

    private static String reason(EventOutcome outcome) {
        String errors = outcome.errors().stream().map(RunImport::words).collect(Collectors.joining("; "));
        return outcome.problem() + (errors.isEmpty() ? "" : ": " + errors);
    }

    private static String words(Violation violation) {
        return violation.field().isEmpty() ? violation.message() : violation.field() + " " + violation.message();
    }

    /** Counts the bytes read, for the progress in percent. */
    private static final class Counted extends FilterInputStream {

        private long count;

        Counted(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
