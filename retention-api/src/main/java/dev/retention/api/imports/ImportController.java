package dev.retention.api.imports;

import dev.retention.api.shared.PageResponse;
import dev.retention.api.shared.Paging;
import dev.retention.domain.imports.ImportField;
import dev.retention.domain.imports.ImportJob;
import dev.retention.domain.imports.ImportMapping;
import dev.retention.domain.imports.ManageImports;
import dev.retention.domain.shared.InvalidInputException;
import dev.retention.domain.shared.Violation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/imports")
@Tag(
        name = "Imports",
        description = "Events (or customers) from CSV files, as background jobs: create an import with its column "
                + "mapping, PUT the file, follow its progress, download the refused rows. Needs events:write.")
class ImportController {

    private static final String CSV = "text/csv";

    private final ManageImports imports;
    private final Clock clock;

    ImportController(ManageImports imports, Clock clock) {
        this.imports = imports;
        this.clock = clock;
    }

    @PostMapping
    @Operation(
            operationId = "createImport",
            summary = "Create a CSV import of events or customers",
            description = "Checks the mapping and creates the import; PUT the file to /imports/{id}/file next.")
    @ApiResponse(responseCode = "201", description = "Created, awaiting its file.")
    @ApiResponse(responseCode = "400", description = "A field of the mapping is malformed; errors names it.")
    @ApiResponse(
            responseCode = "422",
            description = "The mapping gives rows no customer, time or type (errors names what is missing).")
    ResponseEntity<ImportResponse> create(@RequestBody ImportRequest request) {
        ImportJob job = imports.create(mapping(request));
        return ResponseEntity.created(URI.create("/api/v1/imports/" + job.id())).body(response(job));
    }

    @PutMapping(
            path = "/{id}/file",
            consumes = {CSV, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(
            operationId = "uploadImportFile",
            summary = "Send an import's CSV file and start it",
            description = "The body is the file (UTF-8, a header row, up to retention.max-import-bytes, 2 GiB by "
                    + "default), streamed to disk as it arrives. The import then runs in the background: every row "
                    + "becomes an event through the same rules and keys as the batch API, 5,000 at a time; a row "
                    + "that cannot be one is set aside with its reason and the rest are stored. Importing the same "
                    + "file again stores nothing twice.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            description = "The CSV file.",
            content = @Content(mediaType = CSV, schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "202", description = "Received; the import is queued or running.")
    @ApiResponse(responseCode = "404", description = "No import has this id.")
    @ApiResponse(responseCode = "409", description = "The import has its file already.")
    @ApiResponse(responseCode = "413", description = "The file is larger than the limit.")
    ResponseEntity<ImportResponse> upload(
            @Parameter(description = "The import's id.") @PathVariable UUID id, InputStream body) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(response(imports.receive(id, body)));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getImport", summary = "An import's status and progress")
    @ApiResponse(responseCode = "200", description = "The import.")
    @ApiResponse(responseCode = "404", description = "No import has this id.")
    ImportResponse get(@Parameter(description = "The import's id.") @PathVariable UUID id) {
        return response(imports.find(id));
    }

    @GetMapping
    @Operation(operationId = "listImports", summary = "List imports", description = "Newest first.")
    @ApiResponse(responseCode = "200", description = "One page.")
    PageResponse<ImportResponse> list(
            @Parameter(description = "Zero-based page number.") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 500.") @RequestParam(defaultValue = Paging.DEFAULT_SIZE)
                    int size) {
        return PageResponse.of(imports.list(Paging.of(page, size)), this::response);
    }

    @GetMapping(path = "/{id}/refused", produces = CSV)
    @Operation(
            operationId = "getImportRefusedRows",
            summary = "The rows an import did not store, as CSV",
            description = "One row per refused row, in file order: line (its line in the file), reason, and row "
                    + "(its text as read). Fix them and import them again; the rows already stored count as "
                    + "duplicates.")
    @ApiResponse(
            responseCode = "200",
            description = "The refused rows.",
            content = @Content(mediaType = CSV, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "No import has this id.")
    void refused(@Parameter(description = "The import's id.") @PathVariable UUID id, HttpServletResponse response)
            throws IOException {
        imports.find(id);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"refused-" + id + ".csv\"");
        // Written row by row as the database hands them over, never all in memory.
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write("line,reason,row\r\n");
        imports.refusals(id, row -> {
            try {
                out.write(row.line() + "," + quoted(row.reason()) + "," + quoted(row.text()) + "\r\n");
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            }
        });
        out.flush();
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private static ImportMapping mapping(ImportRequest request) {
        Map<ImportField, String> columns = new EnumMap<>(ImportField.class);
        ImportRequest.Columns given = request.columns();
        if (given == null) {
            throw InvalidInputException.of("columns", "is required");
        }
        put(columns, ImportField.CUSTOMER_ID, given.customerId());
        put(columns, ImportField.EXTERNAL_ID, given.externalId());
        put(columns, ImportField.TYPE, given.type());
        put(columns, ImportField.OCCURRED_AT, given.occurredAt());
        put(columns, ImportField.AMOUNT, given.amount());
        put(columns, ImportField.CURRENCY, given.currency());
        put(columns, ImportField.PRODUCT_ID, given.productId());
        put(columns, ImportField.EVENT_KEY, given.eventKey());
        put(columns, ImportField.ORDER_ID, given.orderId());
        put(columns, ImportField.QUANTITY, given.quantity());
        put(columns, ImportField.UNIT_PRICE, given.unitPrice());
        put(columns, ImportField.PRODUCT_NAME, given.productName());
        put(columns, ImportField.NAME, given.name());
        put(columns, ImportField.EMAIL, given.email());
        put(columns, ImportField.SEGMENT, given.segment());
        put(columns, ImportField.ACQUIRED_AT, given.acquiredAt());
        String delimiter = request.delimiter() == null ? "," : request.delimiter();
        if (delimiter.length() != 1) {
            throw InvalidInputException.of("delimiter", "must be one character");
        }
        return new ImportMapping(
                columns,
                request.type(),
                request.currency(),
                zone(request.zone()),
                request.timestampPattern(),
                request.createCustomers() == null || request.createCustomers(),
                delimiter.charAt(0),
                excludedProducts(request.excludedProducts()),
                request.kind());
    }

    private static Set<String> excludedProducts(List<String> given) {
        if (given == null) {
            return Set.of();
        }
        for (int i = 0; i < given.size(); i++) {
            if (given.get(i) == null || given.get(i).isBlank()) {
                throw InvalidInputException.of("excludedProducts[" + i + "]", "must be a product id, not empty");
            }
        }
        return Set.copyOf(given);
    }

    private static void put(Map<ImportField, String> columns, ImportField field, String column) {
        if (column != null) {
            columns.put(field, column);
        }
    }

    private static ZoneId zone(String zone) {
        if (zone == null) {
            return null;
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException unknown) {
            throw new InvalidInputException(List.of(Violation.rule("zone", "is not a time zone: " + zone)));
        }
    }

    private ImportResponse response(ImportJob job) {
        ImportMapping mapping = job.mapping();
        Map<ImportField, String> columns = mapping.columns();
        Instant now = clock.instant();
        return new ImportResponse(
                job.id(),
                job.status(),
                new ImportRequest(
                        new ImportRequest.Columns(
                                columns.get(ImportField.CUSTOMER_ID),
                                columns.get(ImportField.EXTERNAL_ID),
                                columns.get(ImportField.TYPE),
                                columns.get(ImportField.OCCURRED_AT),
                                columns.get(ImportField.AMOUNT),
                                columns.get(ImportField.CURRENCY),
                                columns.get(ImportField.PRODUCT_ID),
                                columns.get(ImportField.EVENT_KEY),
                                columns.get(ImportField.ORDER_ID),
                                columns.get(ImportField.QUANTITY),
                                columns.get(ImportField.UNIT_PRICE),
                                columns.get(ImportField.PRODUCT_NAME),
                                columns.get(ImportField.NAME),
                                columns.get(ImportField.EMAIL),
                                columns.get(ImportField.SEGMENT),
                                columns.get(ImportField.ACQUIRED_AT)),
                        mapping.type(),
                        mapping.currency(),
                        mapping.zone().getId(),
                        mapping.timestampPattern(),
                        mapping.createCustomers(),
                        String.valueOf(mapping.delimiter()),
                        mapping.excludedProducts().stream().sorted().toList(),
                        mapping.kind()),
                job.fileBytes(),
                job.progress().rowsRead(),
                job.progress().stored(),
                job.progress().duplicates(),
                job.progress().refused(),
                job.percent(),
                job.rowsPerSecond(now),
                job.createdAt(),
                job.startedAt(),
                job.finishedAt(),
                job.error());
    }
}
