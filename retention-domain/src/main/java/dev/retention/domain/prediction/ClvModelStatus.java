package dev.retention.domain.prediction;

/** Where a model fit stands. */
public enum ClvModelStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED
}
