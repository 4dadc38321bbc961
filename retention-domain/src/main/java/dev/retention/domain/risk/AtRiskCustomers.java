package dev.retention.domain.risk;

import java.util.List;

/**
 * Finds the customers that {@link AtRiskPolicy} puts at risk as of an instant, highest value at risk first. The store
 * keeps every customer's {@link PurchaseRhythm} up to date as purchases arrive, and reads it instead of the events
 * when no purchase lies after asOf.
 */
public interface AtRiskCustomers {

    List<AtRiskCustomer> find(AtRiskQuery query);
}
