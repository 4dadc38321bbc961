package dev.retention.domain.recommendation;

/** Where a build of the recommendation model stands. */
public enum BuildStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED
}
