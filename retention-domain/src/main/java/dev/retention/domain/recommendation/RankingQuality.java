package dev.retention.domain.recommendation;

/**
 * How well top-k lists predicted the held-out orders, averaged over the customers evaluated.
 *
 * @param hitRate share of customers with at least one held-out product in their list
 * @param precision held-out products in the list, divided by k
 * @param recall held-out products in the list, divided by the products of the held-out order
 * @param meanAveragePrecision mean over customers of the average precision at k: the precision at each rank that
 *     holds a held-out product, summed and divided by min(k, products of the held-out order)
 * @param coverage distinct products recommended to anyone, divided by the products bought in the training data
 */
public record RankingQuality(
        double hitRate, double precision, double recall, double meanAveragePrecision, double coverage) {}
