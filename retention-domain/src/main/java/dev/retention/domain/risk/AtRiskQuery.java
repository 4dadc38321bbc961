package dev.retention.domain.risk;

import dev.retention.domain.shared.InvalidInputException;
import dev.retention.domain.shared.PageRequest;
import java.time.Instant;
import java.util.Objects;

/** The at-risk list as of an instant, at most {@code limit} customers long. */
public record AtRiskQuery(Instant asOf, int limit) {

    public static final int MAX_LIMIT = PageRequest.MAX_SIZE;
    /** A repeat buyer is at risk once its silence exceeds this many of its median gaps between purchase days. */
    public static final int GAP_MULTIPLIER = 2;
    /** A one-time buyer is at risk once its silence exceeds this percentile of the repeat buyers' first gaps. */
    public static final double ONE_TIME_PERCENTILE = 0.9;

    public AtRiskQuery {
        Objects.requireNonNull(asOf, "asOf");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInputException.of("limit", "must be between 1 and " + MAX_LIMIT);
        }
    }
}
