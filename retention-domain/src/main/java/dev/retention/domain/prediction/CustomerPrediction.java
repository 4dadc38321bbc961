package dev.retention.domain.prediction;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * What the model expects of one customer, as of the model's calibration end: the chance it is still a customer,
 * its expected purchases in the next 30, 90 and 365 days, its expected spend per purchase, and its lifetime value
 * over the model's horizon.
 */
public record CustomerPrediction(
        UUID customerId,
        PurchaseSummary summary,
        double probabilityAlive,
        double expectedPurchases30Days,
        double expectedPurchases90Days,
        double expectedPurchases365Days,
        BigDecimal expectedAverageSpend,
        BigDecimal lifetimeValue) {}
