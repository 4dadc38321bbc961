package dev.retention.domain.rfm;

import dev.retention.domain.shared.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Score the customers with a purchase in the window of {@code windowDays} days that ends at {@code asOf}. */
public record RfmQuery(Instant asOf, int windowDays) {

    public static final int MAX_WINDOW_DAYS = 3650;

    public RfmQuery {
        Objects.requireNonNull(asOf, "asOf");
        if (windowDays < 1 || windowDays > MAX_WINDOW_DAYS) {
            throw InvalidInputException.of("windowDays", "must be between 1 and " + MAX_WINDOW_DAYS);
        }
    }

    /** The window is (asOf - windowDays, asOf]. */
    public Instant windowStart() {
        return asOf.minus(Duration.ofDays(windowDays));
    }
}
