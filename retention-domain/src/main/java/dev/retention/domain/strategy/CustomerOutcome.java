package dev.retention.domain.strategy;

import dev.retention.domain.metrics.Lifecycle;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An assigned customer's side, its lifecycle by the metrics rules (null if never acquired), and its purchases less
 * refunds during the strategy's window and after it.
 */
public record CustomerOutcome(
        UUID customerId, Group group, Lifecycle lifecycle, BigDecimal revenueDuring, BigDecimal revenueAfter) {

    boolean activeAt(Instant at) {
        return lifecycle != null && lifecycle.activeAt(at);
    }
}
