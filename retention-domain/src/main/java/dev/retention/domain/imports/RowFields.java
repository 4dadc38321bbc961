package dev.retention.domain.imports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the fields of an imported file's rows by its mapping: where the mapped columns are in the header row, their
 * values, and times (with a {@code timestampPattern}, local times in the mapping's zone; else ISO 8601, with an
 * offset or Z, or without one, then in the zone).
 */
final class RowFields {

    private final ImportMapping mapping;
    private final DateTimeFormatter pattern;

    RowFields(ImportMapping mapping) {
        this.mapping = mapping;
        this.pattern = mapping.timestampPattern() == null
                ? null
                : DateTimeFormatter.ofPattern(mapping.timestampPattern(), Locale.ROOT);
    }

    /** Each mapped field's position in the header row; fails naming the columns the header lacks. */
    static Map<ImportField, Integer> columnsOf(List<String> header, ImportMapping mapping) {
        Map<ImportField, Integer> index = new EnumMap<>(ImportField.class);
        List<String> missing = new ArrayList<>();
        List<String> names = header.stream().map(String::trim).toList();
        mapping.columns().forEach((field, column) -> {
            int at = names.indexOf(column.trim());
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
        return index;
    }

    /** The instant a value names, or null with the reason added (or without one when empty and optional). */
    Instant read(String value, ImportField field, boolean required, List<String> reasons) {
        if (value == null) {
            if (required) {
                reasons.add(field.value() + " is empty");
            }
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
            reasons.add(field.value() + " '" + value + "' is not a time"
                    + (pattern == null ? " in ISO 8601" : " of the pattern " + mapping.timestampPattern()));
            return null;
        }
    }

    /** The trimmed value of a mapped column, null when unmapped, missing or empty. */
    static String value(Map<ImportField, Integer> index, List<String> fields, ImportField field) {
        Integer at = index.get(field);
        if (at == null || at >= fields.size()) {
            return null;
        }
        String value = fields.get(at).trim();
        return value.isEmpty() ? null : value;
    }
}
