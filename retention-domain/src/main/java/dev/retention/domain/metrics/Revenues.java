package dev.retention.domain.metrics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Revenue (purchases minus refunds) per period. With a membership in the filter, a customer's revenue in a period
 * counts when it belongs to that group in that period ({@link Membership#includes} at the period's start); per
 * cohort, at the start of the period after its acquisition period, as in {@link CohortTally}.
 */
public interface Revenues {

    /** The revenue of each period in order; only the customers of the filter count. */
    List<BigDecimal> total(ReportingPeriods periods, CustomerFilter customers);

    /**
     * Per segment (the null key for customers without one), the revenue of each period in order; a segment with no
     * revenue may be missing. Only the customers of the filter count.
     */
    Map<String, List<BigDecimal>> perPeriod(ReportingPeriods periods, CustomerFilter customers);

    /**
     * Per acquisition cohort (the index of the period of the customer's acquisition), the revenue of the cohort's
     * customers in each period; cohorts without revenue may be missing.
     */
    Map<Integer, List<BigDecimal>> perCohortAndPeriod(ReportingPeriods periods, CustomerFilter customers);
}
