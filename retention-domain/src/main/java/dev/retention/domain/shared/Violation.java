package dev.retention.domain.shared;

/**
 * One reason why an input was refused: the field (a JSON path such as {@code events[3].amount}) and why.
 * {@code rule} tells a value that is fine on its own but breaks a rule relating it to another value, to the present
 * moment or to stored data (an end before its start, an expiry in the past, an amount on a LOGIN) from a value that
 * is malformed or out of range by itself: a request whose only faults are such rules is well-formed (422), any other
 * fault makes it malformed (400).
 */
public record Violation(String field, String message, boolean rule) {

    public Violation(String field, String message) {
        this(field, message, false);
    }

    /** A value that breaks a rule relating it to others, to the present or to stored data. */
    public static Violation rule(String field, String message) {
        return new Violation(field, message, true);
    }

    public Violation withFieldPrefix(String prefix) {
        return new Violation(field == null || field.isEmpty() ? prefix : prefix + "." + field, message, rule);
    }
}
