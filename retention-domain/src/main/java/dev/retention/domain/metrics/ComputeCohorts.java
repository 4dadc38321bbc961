package dev.retention.domain.metrics;

import java.util.List;

/** The cohort matrix: retention and the lifetime-value curve of each acquisition cohort. */
public class ComputeCohorts {

    private final CustomerLifecycles lifecycles;
    private final Revenues revenues;

    public ComputeCohorts(CustomerLifecycles lifecycles, Revenues revenues) {
        this.lifecycles = lifecycles;
        this.revenues = revenues;
    }

    public List<CohortTally.Cohort> compute(RetentionQuery query, int maxOffset) {
        CohortTally tally = new CohortTally(query.periods(), maxOffset);
        lifecycles.forEach(query.lifecycles(), tally::add);
        return tally.report(revenues.perCohortAndPeriod(query.periods(), query.segment()));
    }
}
