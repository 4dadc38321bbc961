package dev.retention.domain.risk;

import java.util.List;

/**
 * Finds the at-risk customers in the database. Active means not erased and, under the contractual rules, not
 * churned at asOf (no CHURNED event at or before it without a later REACTIVATED one at or before it). A repeat
 * buyer (two or more purchase days, in UTC) is at risk when the time since its last purchase exceeds
 * {@link AtRiskQuery#GAP_MULTIPLIER} times its median gap between purchase days; a one-time buyer when it exceeds the
 * {@link AtRiskQuery#ONE_TIME_PERCENTILE} percentile of the gap between the first two purchase days of the repeat
 * buyers of its segment, or of all customers when its segment has none. Highest value at risk first.
 */
public interface AtRiskCustomers {

    List<AtRiskCustomer> find(AtRiskQuery query);
}
