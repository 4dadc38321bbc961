package dev.retention.api.shared;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/** What a field that could not be read should have looked like, and where it is, in the client's words. */
final class FieldExpectations {

    private static final String WRONG_TYPE = "has the wrong type or format";

    private FieldExpectations() {}

    static String of(JacksonException exception) {
        return exception instanceof MismatchedInputException mismatch ? of(mismatch.getTargetType()) : WRONG_TYPE;
    }

    static String of(Class<?> type) {
        if (type != null) {
            if (type.isEnum()) {
                return "must be one of " + Arrays.toString(type.getEnumConstants());
            }
            if (Instant.class.equals(type)) {
                return "must be an ISO 8601 instant such as 2026-03-01T12:30:00Z";
            }
            if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
                return "must be a number";
            }
            if (UUID.class.equals(type)) {
                return "must be a UUID";
            }
        }
        return WRONG_TYPE;
    }

    /** The JSON path of the field, as the client wrote it: {@code events[3].amount}. */
    static String jsonPath(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getPropertyName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getPropertyName());
            }
        }
        return field.toString();
    }
}
