package dev.retention.domain.imports;

import dev.retention.domain.customer.NewCustomer;
import dev.retention.domain.customer.RegisterCustomer;
import dev.retention.domain.event.EventOutcome;
import dev.retention.domain.event.EventSubmission;
import dev.retention.domain.event.IngestionResult;
import dev.retention.domain.event.RecordEvents;
import dev.retention.domain.product.Products;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * Runs one import: reads the file row by row, turns each into an event by the mapping, and stores them in batches
 * through the same path as the batch API, so that every rule of an event holds and event keys make a second run
 * store nothing twice. Unlike a batch, one bad row does not refuse its neighbours: it is set aside with its reason,
 * and the rest of its batch is stored. A customer import registers its rows as customers instead, by the customer
 * rules; customers known by their external id already are left as they are and counted as duplicates.
 */
public class RunImport {

    /** Batches stored at once while the next one is read, so that the database works while the file is parsed. */
    static final int BATCHES_IN_FLIGHT = 2;

    private final ImportJobs jobs;
    private final ImportFiles files;
    private final RecordEvents recordEvents;
    private final Products products;
    private final RegisterCustomer registerCustomer;
    private final Executor storers;
    private final Clock clock;

    public RunImport(
            ImportJobs jobs,
            ImportFiles files,
            RecordEvents recordEvents,
            Products products,
            RegisterCustomer registerCustomer,
            Executor storers,
            Clock clock) {
        this.jobs = jobs;
        this.files = files;
        this.recordEvents = recordEvents;
        this.products = products;
        this.registerCustomer = registerCustomer;
        this.storers = storers;
        this.clock = clock;
    }

    /** What storing one batch did: its counts, and the rows the service refused. */
    private record Stored(long stored, long duplicates, List<RefusedRow> refused) {}

    /** An event read from the file, with the row or rows (an order's lines) it was read from. */
    private record Row(
            List<OrderAssembly.Source> sources,
            EventSubmission event,
            Map<String, String> productNames,
            NewCustomer customer) {}

    public void run(UUID id) {
        if (!jobs.start(id, Instants.now(clock))) {
            return;
        }
        ImportJob job = jobs.find(id).orElseThrow();
        Tally tally = new Tally(id);
        try (InputStream file = files.open(id)) {
            tally.counted = new Counted(file);
            CsvRecords records = new CsvRecords(
                    new BufferedReader(new InputStreamReader(tally.counted, StandardCharsets.UTF_8), 1 << 16),
                    job.mapping().delimiter());
            CsvRecords.Record header = records.next();
            if (header == null) {
                throw new ImportException("The file is empty: it needs a header row naming its columns.");
            }
            boolean ofCustomers = job.mapping().kind() == ImportKind.CUSTOMERS;
            EventRows rows = ofCustomers ? null : EventRows.of(header.fields(), job.mapping());
            CustomerRows customerRows = ofCustomers ? CustomerRows.of(header.fields(), job.mapping()) : null;
            List<Row> batch = new ArrayList<>(RecordEvents.MAX_BATCH_SIZE);
            OrderAssembly orders = job.mapping().ordersOfLines() ? new OrderAssembly() : null;
            CsvRecords.Record record;
            do {
                record = records.next();
                if (record != null) {
                    tally.read++;
                    tally.line = record.line();
                    if (record.tooLong()) {
                        tally.refused.add(new RefusedRow(
                                record.line(),
                                record.text(),
                                "longer than " + CsvRecords.MAX_RECORD_LENGTH + " characters"));
                    } else if (ofCustomers) {
                        CustomerRows.Parsed parsed = customerRows.parse(record.fields());
                        if (parsed.customer() == null) {
                            tally.refused.add(
                                    new RefusedRow(record.line(), record.text(), String.join("; ", parsed.reasons())));
                        } else {
                            batch.add(new Row(
                                    List.of(new OrderAssembly.Source(record.line(), record.text())),
                                    null,
                                    Map.of(),
                                    parsed.customer()));
                        }
                    } else {
                        EventRows.Parsed parsed = rows.parse(record.fields());
                        OrderAssembly.Source source = new OrderAssembly.Source(record.line(), record.text());
                        if (orders != null) {
                            take(orders.add(parsed, source), batch, tally);
                        } else if (parsed.event() == null) {
                            tally.refused.add(
                                    new RefusedRow(record.line(), record.text(), String.join("; ", parsed.reasons())));
                        } else {
                            batch.add(new Row(List.of(source), parsed.event(), Map.of(), null));
                        }
                    }
                } else if (orders != null) {
                    take(orders.finish(), batch, tally);
                }
                if (batch.size() == RecordEvents.MAX_BATCH_SIZE || (record == null && !batch.isEmpty())) {
                    List<Row> full = List.copyOf(batch);
                    tally.inFlight.add(CompletableFuture.supplyAsync(() -> store(full), storers));
                    batch.clear();
                }
                tally.collect(record == null ? 0 : BATCHES_IN_FLIGHT);
                if (tally.refused.size() >= RecordEvents.MAX_BATCH_SIZE
                        || tally.read % RecordEvents.MAX_BATCH_SIZE == 0
                        || record == null) {
                    tally.report();
                }
            } while (record != null);
            jobs.finish(id, ImportStatus.SUCCEEDED, null, Instants.now(clock));
        } catch (ImportException unusable) {
            jobs.finish(id, ImportStatus.FAILED, unusable.getMessage(), Instants.now(clock));
        } catch (IOException | RuntimeException failed) {
            tally.settle();
            jobs.finish(
                    id,
                    ImportStatus.FAILED,
                    "Stopped after line " + tally.line + ": " + failed.getMessage()
                            + ". The rows counted as stored stay stored; import the file again to go on (they count"
                            + " as duplicates then).",
                    Instants.now(clock));
        } finally {
            files.delete(id);
        }
    }

    /** What a run has read and stored so far, and the batches still being stored. */
    private final class Tally {

        private final UUID id;
        private final Deque<CompletableFuture<Stored>> inFlight = new ArrayDeque<>();
        private Counted counted;
        private long line;
        private long read;
        private long stored;
        private long duplicates;
        private long refusedCount;
        private List<RefusedRow> refused = new ArrayList<>();

        Tally(UUID id) {
            this.id = id;
        }

        /** Takes in the batches that are done, waiting until no more than {@code mayStayInFlight} remain. */
        void collect(int mayStayInFlight) {
            while (inFlight.size() > mayStayInFlight
                    || (!inFlight.isEmpty() && inFlight.peek().isDone())) {
                add(Concurrently.await(inFlight.poll()));
            }
        }

        private void add(Stored done) {
            stored += done.stored();
            duplicates += done.duplicates();
            refused.addAll(done.refused());
        }

        void report() {
            refusedCount += refused.size();
            jobs.progress(
                    id,
                    new ImportProgress(read, stored, duplicates, refusedCount, counted == null ? 0 : counted.count),
                    refused,
                    Instants.now(clock));
            refused = new ArrayList<>();
        }

        /**
         * After a failure, waits for the batches still being stored, so that nothing of the import runs on once
         * it says it stopped, and counts what they stored.
         */
        void settle() {
            while (!inFlight.isEmpty()) {
                try {
                    add(Concurrently.await(inFlight.poll()));
                } catch (RuntimeException alsoFailed) {
                    // The first failure is the one reported; this batch stored nothing.
                }
            }
            try {
                report();
            } catch (RuntimeException reportFailed) {
                // The job is marked failed next; the counts of the last batches are what is lost.
            }
        }
    }

    /** Puts a finished order into the batch, or its rows among the refused ones. */
    private static void take(OrderAssembly.Order order, List<Row> batch, Tally tally) {
        if (order == null) {
            return;
        }
        tally.refused.addAll(order.refused());
        if (order.event() != null) {
            batch.add(new Row(order.sources(), order.event(), order.productNames(), null));
        }
    }

    /**
     * Stores a batch; when the service refuses some of its events (a rule broken, a key taken by other content),
     * those are set aside and the rest is stored.
     */
    private Stored store(List<Row> batch) {
        if (batch.get(0).customer() != null) {
            int registered = registerCustomer.registerAll(
                    batch.stream().map(Row::customer).toList());
            return new Stored(registered, batch.size() - registered, List.of());
        }
        List<RefusedRow> refused = new ArrayList<>();
        List<Row> pending = batch;
        while (!pending.isEmpty()) {
            IngestionResult result =
                    recordEvents.record(pending.stream().map(Row::event).toList());
            if (result.accepted()) {
                Map<String, String> names = new HashMap<>();
                pending.forEach(row -> row.productNames().forEach(names::putIfAbsent));
                products.nameUnnamed(names);
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
                    row.sources()
                            .forEach(source ->
                                    refused.add(new RefusedRow(source.line(), source.text(), reason(outcome))));
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
