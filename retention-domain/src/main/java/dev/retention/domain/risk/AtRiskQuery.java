package dev.retention.domain.risk;

import dev.retention.domain.shared.InvalidInputException;
import dev.retention.domain.shared.PageRequest;
import java.time.Instant;
import java.util.Objects;

/** The at-risk list as of an instant, at most {@code limit} customers long. */
public record AtRiskQuery(Instant asOf, int limit) {

    public static final int MAX_LIMIT = PageRequest.MAX_SIZE;

    public AtRiskQuery {
        Objects.requireNonNull(asOf, "asOf");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInputException.of("limit", "must be between 1 and " + MAX_LIMIT);
        }
    }
}
