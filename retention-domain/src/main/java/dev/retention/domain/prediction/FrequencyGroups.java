package dev.retention.domain.prediction;

import java.util.Comparator;
import java.util.List;

/**
 * Customers sorted by frequency, with each distinct frequency and the index after its last customer, so that a
 * likelihood computes the terms that depend on x alone once per group.
 */
record FrequencyGroups(List<PurchaseSummary> customers, int[] frequencies, int[] groupEnds) {

    static FrequencyGroups of(List<PurchaseSummary> customers) {
        List<PurchaseSummary> sorted = customers.stream()
                .sorted(Comparator.comparingInt(PurchaseSummary::frequency))
                .toList();
        int groups = (int)
                sorted.stream().mapToInt(PurchaseSummary::frequency).distinct().count();
        int[] frequencies = new int[groups];
        int[] groupEnds = new int[groups];
        int group = -1;
        for (int i = 0; i < sorted.size(); i++) {
            int frequency = sorted.get(i).frequency();
            if (group < 0 || frequencies[group] != frequency) {
                group++;
                frequencies[group] = frequency;
            }
            groupEnds[group] = i + 1;
        }
        return new FrequencyGroups(sorted, frequencies, groupEnds);
    }
}
