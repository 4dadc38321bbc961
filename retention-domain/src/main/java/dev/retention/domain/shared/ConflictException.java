package dev.retention.domain.shared;

/** The request contradicts the current state of a resource (a duplicate key with other content, a stale version). */
public class ConflictException extends RuntimeException {

    private final String problem;

    public ConflictException(String problem, String message) {
        super(message);
        this.problem = problem;
    }

    /** A short, stable problem name such as {@code event-key-conflict}. */
    public String problem() {
        return problem;
    }
}
