package dev.retention.domain.imports;

/** A file that cannot be imported at all (no header, a mapped column missing); the message says why. */
public class ImportException extends RuntimeException {

    public ImportException(String message) {
        super(message);
    }
}
