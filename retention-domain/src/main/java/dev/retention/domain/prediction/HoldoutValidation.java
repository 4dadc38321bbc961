package dev.retention.domain.prediction;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The calibration/holdout check of the papers: for the customers of the fit, the purchases the model expects in the
 * holdout period (E[Y(t) | x, t_x, T] with t its length) against the distinct purchase dates they had in it, per
 * number of repeat purchases in calibration (0 to 6, and 7 or more together), in total, and as the mean absolute
 * error per customer.
 *
 * @param byFrequency one row per x from 0 to {@link #LAST_GROUP} (which stands for that many or more); empty groups
 *     are left out
 */
public record HoldoutValidation(
        LocalDate holdoutEnd,
        double holdoutLength,
        List<FrequencyRow> byFrequency,
        double predictedTotal,
        long actualTotal,
        double meanAbsoluteError) {

    public static final int LAST_GROUP = 7;

    /** The customers with x repeat purchases in calibration, and their mean predicted and actual holdout purchases. */
    public record FrequencyRow(int frequency, long customers, double meanPredicted, double meanActual) {}

    public HoldoutValidation {
        byFrequency = List.copyOf(byFrequency);
    }

    /**
     * @param actual the distinct purchase dates of each customer in the holdout period; customers without any are
     *     absent
     */
    public static HoldoutValidation of(
            PurchaseModel model, List<CustomerSummary> customers, Map<UUID, Integer> actual, ClvSettings settings) {
        double length = settings.holdoutLength();
        long[] counts = new long[LAST_GROUP + 1];
        double[] predicted = new double[LAST_GROUP + 1];
        long[] bought = new long[LAST_GROUP + 1];
        double predictedTotal = 0;
        long actualTotal = 0;
        double absoluteErrors = 0;
        for (CustomerSummary customer : customers) {
            int group = Math.min(customer.summary().frequency(), LAST_GROUP);
            double expected = model.conditionalExpectedPurchases(length, customer.summary());
            int purchases = actual.getOrDefault(customer.customerId(), 0);
            counts[group]++;
            predicted[group] += expected;
            bought[group] += purchases;
            predictedTotal += expected;
            actualTotal += purchases;
            absoluteErrors += Math.abs(expected - purchases);
        }
        List<FrequencyRow> rows = new ArrayList<>();
        for (int group = 0; group <= LAST_GROUP; group++) {
            if (counts[group] > 0) {
                rows.add(new FrequencyRow(
                        group,
                        counts[group],
                        predicted[group] / counts[group],
                        (double) bought[group] / counts[group]));
            }
        }
        return new HoldoutValidation(
                settings.holdoutEnd(),
                length,
                rows,
                predictedTotal,
                actualTotal,
                customers.isEmpty() ? 0 : absoluteErrors / customers.size());
    }
}
