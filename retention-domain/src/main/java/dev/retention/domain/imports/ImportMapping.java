package dev.retention.domain.imports;

import dev.retention.domain.event.EventType;
import dev.retention.domain.shared.InvalidInputException;
import dev.retention.domain.shared.Violation;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How the columns of a CSV file (named by its header row) become events: which column fills which field, and the
 * values for fields no column fills. {@code timestampPattern} (a java.time pattern such as {@code yyyy-MM-dd HH:mm})
 * reads times without an offset in {@code zone}; without it, times are ISO 8601, with an offset or Z, or without
 * one (then in {@code zone}).
 */
public record ImportMapping(
        Map<ImportField, String> columns,
        EventType type,
        String currency,
        ZoneId zone,
        String timestampPattern,
        boolean createCustomers,
        char delimiter) {

    public static final int MAX_COLUMN_NAME_LENGTH = 200;

    public ImportMapping {
        columns = columns == null ? Map.of() : Map.copyOf(columns);
        zone = zone == null ? ZoneId.of("UTC") : zone;
    }

    /** Refuses a mapping that cannot give every row a customer, a type and a time. */
    public void check() {
        List<Violation> violations = new ArrayList<>();
        Map<ImportField, String> mapped = new EnumMap<>(ImportField.class);
        mapped.putAll(columns);
        mapped.forEach((field, column) -> {
            if (column == null || column.isBlank() || column.length() > MAX_COLUMN_NAME_LENGTH) {
                violations.add(new Violation(
                        "columns." + field.value(),
                        "must name a column of the header, at most " + MAX_COLUMN_NAME_LENGTH + " characters"));
            }
        });
        if (!mapped.containsKey(ImportField.CUSTOMER_ID) && !mapped.containsKey(ImportField.EXTERNAL_ID)) {
            violations.add(Violation.rule("columns", "must map customerId or externalId"));
        }
        if (!mapped.containsKey(ImportField.OCCURRED_AT)) {
            violations.add(Violation.rule("columns", "must map occurredAt"));
        }
        if (!mapped.containsKey(ImportField.TYPE) && type == null) {
            violations.add(Violation.rule("type", "is required when no column gives the type"));
        }
        if (currency != null && !currency.matches("[A-Z]{3}")) {
            violations.add(new Violation("currency", "must be an ISO 4217 code such as EUR"));
        }
        if (timestampPattern != null) {
            try {
                DateTimeFormatter.ofPattern(timestampPattern);
            } catch (IllegalArgumentException malformed) {
                violations.add(
                        Violation.rule("timestampPattern", "is not a date-time pattern: " + malformed.getMessage()));
            } catch (ClassCastException padded) {
                // what the JDK throws for some padded patterns, such as pdH
                violations.add(Violation.rule("timestampPattern", "is not a date-time pattern: bad padding (p)"));
            }
        }
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            violations.add(Violation.rule("delimiter", "must not be a quote or a line break"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }
}
