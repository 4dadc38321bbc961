package dev.retention.domain.forecast;

/** Which customers share one fit: each acquisition cohort alone, each segment's cohorts, or all cohorts together. */
public enum FitBy {
    COHORT,
    SEGMENT,
    POOLED
}
