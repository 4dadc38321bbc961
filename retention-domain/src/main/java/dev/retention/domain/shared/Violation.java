package dev.retention.domain.shared;

/** One reason why an input was refused: the field (a JSON path such as {@code events[3].amount}) and why. */
public record Violation(String field, String message) {

    public Violation withFieldPrefix(String prefix) {
        return new Violation(field == null || field.isEmpty() ? prefix : prefix + "." + field, message);
    }
}
