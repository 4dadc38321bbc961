package dev.retention.domain.risk;

import java.util.List;

/** The customers whose silence has outgrown their own purchase rhythm, most valuable first (see {@link AtRiskPolicy}). */
public class ListAtRiskCustomers {

    private final AtRiskCustomers atRisk;

    public ListAtRiskCustomers(AtRiskCustomers atRisk) {
        this.atRisk = atRisk;
    }

    public List<AtRiskCustomer> find(AtRiskQuery query) {
        return atRisk.find(query);
    }
}
