package dev.retention.domain.shared;

/** The client based its change on a version that is no longer current. */
public class StaleVersionException extends ConflictException {

    public StaleVersionException(String message) {
        super("stale-version", message);
    }
}
