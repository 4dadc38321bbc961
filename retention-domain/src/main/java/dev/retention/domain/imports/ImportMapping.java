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
import java.util.Set;

/**
 * How the columns of a CSV file (named by its header row) become events: which column fills which field, and the
 * values for fields no column fills. {@code timestampPattern} (a java.time pattern such as {@code yyyy-MM-dd HH:mm})
 * reads times without an offset in {@code zone}; without it, times are ISO 8601, with an offset or Z, or without
 * one (then in {@code zone}).
 *
 * <p>With an {@code orderId} column the file holds order lines: consecutive rows of the same order and customer are
 * one event whose lines are the rows' product, quantity and unit price, whose amount is their sum and whose key is
 * the order id. An order whose quantities are all negative is a return: a REFUND of those lines. Rows naming one of
 * {@code excludedProducts} (postage, fees, discounts: codes that are no products) are set aside with that reason.
 */
public record ImportMapping(
        Map<ImportField, String> columns,
        EventType type,
        String currency,
        ZoneId zone,
        String timestampPattern,
        boolean createCustomers,
        char delimiter,
        Set<String> excludedProducts,
        ImportKind kind) {

    public static final int MAX_COLUMN_NAME_LENGTH = 200;
    public static final int MAX_EXCLUDED_PRODUCTS = 1_000;

    public ImportMapping {
        columns = columns == null ? Map.of() : Map.copyOf(columns);
        zone = zone == null ? ZoneId.of("UTC") : zone;
        excludedProducts = excludedProducts == null ? Set.of() : Set.copyOf(excludedProducts);
        kind = kind == null ? ImportKind.EVENTS : kind;
    }

    public ImportMapping(
            Map<ImportField, String> columns,
            EventType type,
            String currency,
            ZoneId zone,
            String timestampPattern,
            boolean createCustomers,
            char delimiter,
            Set<String> excludedProducts) {
        this(columns, type, currency, zone, timestampPattern, createCustomers, delimiter, excludedProducts, null);
    }

    public ImportMapping(
            Map<ImportField, String> columns,
            EventType type,
            String currency,
            ZoneId zone,
            String timestampPattern,
            boolean createCustomers,
            char delimiter) {
        this(columns, type, currency, zone, timestampPattern, createCustomers, delimiter, Set.of(), null);
    }

    /** True when rows are order lines, grouped into orders by the order id column. */
    public boolean ordersOfLines() {
        return columns.containsKey(ImportField.ORDER_ID);
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
        if (kind == ImportKind.CUSTOMERS) {
            checkCustomerColumns(mapped, violations);
            checkCommon(violations);
            return;
        }
        mapped.keySet().stream()
                .filter(field -> field != ImportField.EXTERNAL_ID && ImportField.OF_CUSTOMERS.contains(field))
                .forEach(field -> violations.add(
                        Violation.rule("columns." + field.value(), "belongs to a customer import (kind CUSTOMERS)")));
        if (!mapped.containsKey(ImportField.CUSTOMER_ID) && !mapped.containsKey(ImportField.EXTERNAL_ID)) {
            violations.add(Violation.rule("columns", "must map customerId or externalId"));
        }
        if (!mapped.containsKey(ImportField.OCCURRED_AT)) {
            violations.add(Violation.rule("columns", "must map occurredAt"));
        }
        if (!mapped.containsKey(ImportField.TYPE) && type == null && !ordersOfLines()) {
            violations.add(Violation.rule("type", "is required when no column gives the type"));
        }
        if (ordersOfLines()) {
            for (ImportField needed : List.of(ImportField.PRODUCT_ID, ImportField.QUANTITY, ImportField.UNIT_PRICE)) {
                if (!mapped.containsKey(needed)) {
                    violations.add(Violation.rule("columns", "must map " + needed.value() + " when orderId is mapped"));
                }
            }
            if (mapped.containsKey(ImportField.AMOUNT)) {
                violations.add(Violation.rule(
                        "columns.amount",
                        "must not be mapped with orderId: an order's amount is the sum of its lines"));
            }
        } else {
            for (ImportField lineField : List.of(ImportField.QUANTITY, ImportField.UNIT_PRICE)) {
                if (mapped.containsKey(lineField)) {
                    violations.add(Violation.rule(
                            "columns." + lineField.value(),
                            "needs orderId: only order lines have quantities and unit prices"));
                }
            }
        }
        if (excludedProducts.size() > MAX_EXCLUDED_PRODUCTS) {
            violations.add(
                    new Violation("excludedProducts", "must have at most " + MAX_EXCLUDED_PRODUCTS + " entries"));
        }
        if (currency != null && !currency.matches("[A-Z]{3}")) {
            violations.add(new Violation("currency", "must be an ISO 4217 code such as EUR"));
        }
        checkCommon(violations);
    }

    private void checkCustomerColumns(Map<ImportField, String> mapped, List<Violation> violations) {
        if (!mapped.containsKey(ImportField.EXTERNAL_ID)) {
            violations.add(Violation.rule("columns", "must map externalId: customers are imported by their CRM id"));
        }
        mapped.keySet().stream()
                .filter(field -> !ImportField.OF_CUSTOMERS.contains(field))
                .forEach(
                        field -> violations.add(
                                Violation.rule(
                                        "columns." + field.value(),
                                        "is an event's field; a customer import maps externalId, name, email, segment and acquiredAt")));
    }

    /** What every import is checked for; throws with everything found so far. */
    private void checkCommon(List<Violation> violations) {
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
