package dev.retention.domain.prediction;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds the per-customer purchase summaries from the stored PURCHASE events. */
public interface PurchaseSummaries {

    /**
     * One summary per customer with a purchase on or before the calibration end: distinct local purchase dates,
     * x = dates - 1, t_x = last date - first date, T = calibration end - first date (in the time unit), and the
     * mean value per repeat purchase date.
     */
    List<CustomerSummary> summarise(ClvSettings settings);

    /**
     * For the customers of the fit's segment: the distinct local purchase dates each had after the calibration end up
     * to and including the holdout end; customers without any are absent.
     */
    Map<UUID, Integer> holdoutPurchaseDates(ClvSettings settings);
}
