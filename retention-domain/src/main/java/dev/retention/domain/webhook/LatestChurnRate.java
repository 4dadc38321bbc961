package dev.retention.domain.webhook;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** The churn rate of the latest complete month before an instant, by the service's reporting defaults. */
@FunctionalInterface
public interface LatestChurnRate {

    /** Empty when that month's churn rate is undefined (nobody was active at its start). */
    Optional<MonthChurn> before(Instant now);

    record MonthChurn(
            LocalDate start,
            LocalDate end,
            String zone,
            String churnModel,
            long startCustomers,
            long churned,
            BigDecimal churnRate) {}
}
