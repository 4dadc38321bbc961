package dev.retention.domain.metrics;

import dev.retention.domain.shared.Concurrently;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** The cohort matrix: retention and the lifetime-value curve of each acquisition cohort. */
public class ComputeCohorts {

    private final CustomerLifecycles lifecycles;
    private final Revenues revenues;
    private final Executor executor;

    /** @param executor runs the revenue query while the lifecycles are read */
    public ComputeCohorts(CustomerLifecycles lifecycles, Revenues revenues, Executor executor) {
        this.lifecycles = lifecycles;
        this.revenues = revenues;
        this.executor = executor;
    }

    public List<CohortTally.Cohort> compute(RetentionQuery query, int maxOffset) {
        CompletableFuture<Map<Integer, List<BigDecimal>>> revenue = CompletableFuture.supplyAsync(
                () -> revenues.perCohortAndPeriod(query.periods(), query.filter()), executor);
        CohortTally tally = new CohortTally(query.periods(), maxOffset, query.membership());
        lifecycles.forEach(query.lifecycles(), tally::add);
        return tally.report(Concurrently.await(revenue));
    }
}
