package dev.retention.domain.strategy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Treatment against holdout over [from, until): retention is the share of the group active at {@code until};
 * churn the share of those active at {@code from} who are not at {@code until}; revenue per customer the purchases
 * less refunds in the window, per assigned customer.
 */
public record WindowEffect(
        Instant from,
        Instant until,
        long treatmentCustomers,
        long holdoutCustomers,
        Comparison retention,
        Comparison churn,
        Comparison revenuePerCustomer) {

    static WindowEffect of(
            List<CustomerOutcome> outcomes,
            Instant from,
            Instant until,
            Function<CustomerOutcome, BigDecimal> revenue) {
        List<CustomerOutcome> treatment =
                outcomes.stream().filter(o -> o.group() == Group.TREATMENT).toList();
        List<CustomerOutcome> holdout =
                outcomes.stream().filter(o -> o.group() == Group.HOLDOUT).toList();
        Comparison retention = Comparison.proportions(
                activeAt(treatment, until), treatment.size(), activeAt(holdout, until), holdout.size(), true);
        Comparison churn = Comparison.proportions(
                churned(treatment, from, until),
                activeAt(treatment, from),
                churned(holdout, from, until),
                activeAt(holdout, from),
                false);
        Comparison revenuePerCustomer =
                Comparison.means(revenues(treatment, revenue), revenues(holdout, revenue), true);
        return new WindowEffect(from, until, treatment.size(), holdout.size(), retention, churn, revenuePerCustomer);
    }

    private static long activeAt(List<CustomerOutcome> group, Instant at) {
        return group.stream().filter(outcome -> outcome.activeAt(at)).count();
    }

    private static long churned(List<CustomerOutcome> group, Instant from, Instant until) {
        return group.stream()
                .filter(outcome -> outcome.activeAt(from) && !outcome.activeAt(until))
                .count();
    }

    private static double[] revenues(List<CustomerOutcome> group, Function<CustomerOutcome, BigDecimal> revenue) {
        return group.stream()
                .mapToDouble(outcome -> revenue.apply(outcome).doubleValue())
                .toArray();
    }
}
