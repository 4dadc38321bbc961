package dev.retention.domain.recommendation;

import dev.retention.domain.shared.InvalidInputException;
import dev.retention.domain.shared.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * The knobs of item-to-item recommendations. The defaults are the ones measured best on the online-retail data
 * (see BENCHMARKS.md).
 *
 * @param neighbours similar products kept per product
 * @param minimumCoBuyers customers who must have bought both products before they count as similar (support)
 * @param shrinkage damps similarities resting on few co-buyers: the cosine is multiplied by c / (c + shrinkage)
 * @param recencyDecay weight of a product bought one order further back, relative to the next (1: all equal)
 * @param repeatShare share of a product's buyers who bought it in two or more orders from which it counts as a
 *     repeat-purchase item, recommended again to those who bought it
 * @param repeatMinimumBuyers buyers a product needs before its repeat share is trusted
 */
public record RecommendationSettings(
        int neighbours,
        int minimumCoBuyers,
        double shrinkage,
        double recencyDecay,
        double repeatShare,
        int repeatMinimumBuyers) {

    public static final RecommendationSettings DEFAULTS = new RecommendationSettings(20, 2, 5.0, 0.5, 0.2, 5);

    public static final int MAX_NEIGHBOURS = 200;

    public void check() {
        List<Violation> violations = new ArrayList<>();
        if (neighbours < 1 || neighbours > MAX_NEIGHBOURS) {
            violations.add(Violation.rule("neighbours", "must be 1 to " + MAX_NEIGHBOURS));
        }
        if (minimumCoBuyers < 1) {
            violations.add(Violation.rule("minimumCoBuyers", "must be at least 1"));
        }
        if (!(shrinkage >= 0) || Double.isInfinite(shrinkage)) {
            violations.add(Violation.rule("shrinkage", "must be 0 or more"));
        }
        if (!(recencyDecay > 0 && recencyDecay <= 1)) {
            violations.add(Violation.rule("recencyDecay", "must be more than 0 and at most 1"));
        }
        if (!(repeatShare > 0 && repeatShare <= 1)) {
            violations.add(Violation.rule("repeatShare", "must be more than 0 and at most 1"));
        }
        if (repeatMinimumBuyers < 1) {
            violations.add(Violation.rule("repeatMinimumBuyers", "must be at least 1"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }
}
