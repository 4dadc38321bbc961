package dev.retention.domain.prediction;

import java.time.Duration;
import java.util.Objects;

/**
 * How an instance of the service holds the fits it runs: under its own name, for {@code length} at a time, renewed
 * while it lives. A fit whose lease has run out is taken over by another instance.
 */
public record FitLease(String owner, Duration length) {

    public FitLease {
        Objects.requireNonNull(owner, "owner");
        if (length == null || length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("a lease lasts a positive time");
        }
    }
}
