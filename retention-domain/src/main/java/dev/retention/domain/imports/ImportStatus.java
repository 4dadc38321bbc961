package dev.retention.domain.imports;

/** Where an import stands. */
public enum ImportStatus {
    /** Created; its file has not been sent yet. */
    AWAITING_FILE,
    /** The file is stored; the import waits for a worker. */
    QUEUED,
    RUNNING,
    /** Every row was read: stored, a duplicate of a stored event, or refused (see the refused rows). */
    SUCCEEDED,
    /** The import stopped before the end of the file (see error); rows stored before that stay stored. */
    FAILED
}
