package dev.retention.domain.imports;

import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.event.CustomerReference;
import dev.retention.domain.event.EventSubmission;
import dev.retention.domain.event.EventType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Turns the rows of a file into events by a mapping, or says why a row cannot be one. */
final class EventRows {

    /** A row as an event, or the reasons it is not one. */
    record Parsed(EventSubmission event, List<String> reasons) {}

    private final ImportMapping mapping;
    private final Map<ImportField, Integer> index;
    private final DateTimeFormatter pattern;

    private EventRows(ImportMapping mapping, Map<ImportField, Integer> index) {
        this.mapping = mapping;
        this.index = index;
        this.pattern = mapping.timestampPattern() == null
                ? null
                : DateTimeFormatter.ofPattern(mapping.timestampPattern(), Locale.ROOT);
    }

    /** The mapping against the file's header row; fails naming the columns the header lacks. */
    static EventRows of(List<String> header, ImportMapping mapping) {
        Map<ImportField, Integer> index = new EnumMap<>(ImportField.class);
        List<String> missing = new ArrayList<>();
        mapping.columns().forEach((field, column) -> {
            int at = header.stream().map(String::trim).toList().indexOf(column.trim());
            if (at < 0) {
                missing.add(column);
            } else {
                index.put(field, at);
            }
        });
        if (!missing.isEmpty()) {
            throw new ImportException(
                    "The header row has no column " + String.join(", ", missing) + "; it has " + header + ".");
        }
        return new EventRows(mapping, index);
    }

    Parsed parse(List<String> fields) {
        List<String> reasons = new ArrayList<>();
        CustomerReference customer = customer(fields, reasons);
        EventType type = type(fields, reasons);
        Instant occurredAt = occurredAt(fields, reasons);
        BigDecimal amount = amount(fields, reasons);
        String currency = amount == null ? null : currency(fields, reasons);
        String productId = value(fields, ImportField.PRODUCT_ID);
        if (!reasons.isEmpty()) {
            return new Parsed(null, reasons);
        }
        String key = value(fields, ImportField.EVENT_KEY);
        if (key == null) {
            key = derivedKey(customer, type, occurredAt, amount, currency, productId);
        }
        return new Parsed(
                new EventSubmission(customer, type, occurredAt, amount, currency, productId, Map.of(), key), List.of());
    }

    private CustomerReference customer(List<String> fields, List<String> reasons) {
        String id = value(fields, ImportField.CUSTOMER_ID);
        String externalId = value(fields, ImportField.EXTERNAL_ID);
        if (id != null) {
            try {
                return new CustomerReference(CustomerId.of(UUID.fromString(id)), externalId, false);
            } catch (IllegalArgumentException malformed) {
                reasons.add("customerId '" + id + "' is not a UUID");
                return null;
            }
        }
        if (externalId == null) {
            reasons.add("no customer: " + (index.containsKey(ImportField.EXTERNAL_ID) ? "externalId" : "customerId")
                    + " is empty");
            return null;
        }
        return CustomerReference.byExternalId(externalId, mapping.createCustomers());
    }

    private EventType type(List<String> fields, List<String> reasons) {
        String value = value(fields, ImportField.TYPE);
        if (value == null) {
            if (mapping.type() == null) {
                reasons.add("type is empty");
            }
            return mapping.type();
        }
        try {
            return EventType.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            reasons.add("type '" + value + "' is not an event type (" + List.of(EventType.values()) + ")");
            return null;
        }
    }

    private Instant occurredAt(List<String> fields, List<String> reasons) {
        String value = value(fields, ImportField.OCCURRED_AT);
        if (value == null) {
            reasons.add("occurredAt is empty");
            return null;
        }
        try {
            if (pattern != null) {
                try {
                    return LocalDateTime.parse(value, pattern)
                            .atZone(mapping.zone())
                            .toInstant();
                } catch (DateTimeParseException notADateTime) {
                    return LocalDate.parse(value, pattern)
                            .atStartOfDay(mapping.zone())
                            .toInstant();
                }
            }
            if (value.length() <= 10) {
                return LocalDate.parse(value).atStartOfDay(mapping.zone()).toInstant();
            }
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException noOffset) {
                return LocalDateTime.parse(value).atZone(mapping.zone()).toInstant();
            }
        } catch (DateTimeParseException malformed) {
            reasons.add("occurredAt '" + value + "' is not a time"
                    + (pattern == null ? " in ISO 8601" : " of the pattern " + mapping.timestampPattern()));
            return null;
        }
    }

    private BigDecimal amount(List<String> fields, List<String> reasons) {
        String value = value(fields, ImportField.AMOUNT);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException malformed) {
            reasons.add("amount '" + value + "' is not a number");
            return null;
        }
    }

    private String currency(List<String> fields, List<String> reasons) {
        String value = value(fields, ImportField.CURRENCY);
        String currency = value == null ? mapping.currency() : value.toUpperCase(Locale.ROOT);
        if (currency == null) {
            reasons.add("an amount needs a currency: map a currency column or give one for every row");
        }
        return currency;
    }

    /** The trimmed value of a mapped column, null when unmapped, missing or empty. */
    private String value(List<String> fields, ImportField field) {
        Integer at = index.get(field);
        if (at == null || at >= fields.size()) {
            return null;
        }
        String value = fields.get(at).trim();
        return value.isEmpty() ? null : value;
    }

    /**
     * A key from the row's content, so that importing the same file again stores nothing twice; rows equal in
     * every mapped field are one event.
     */
    private static String derivedKey(
            CustomerReference customer,
            EventType type,
            Instant occurredAt,
            BigDecimal amount,
            String currency,
            String productId) {
        String content = (customer.id() == null
                        ? "x:" + customer.externalId()
                        : "i:" + customer.id().value()) + "|"
                + type + "|" + occurredAt + "|"
                + (amount == null ? "" : amount.stripTrailingZeros().toPlainString())
                + "|" + (currency == null ? "" : currency) + "|" + (productId == null ? "" : productId);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return "csv-" + HexFormat.of().formatHex(hash, 0, 20);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
