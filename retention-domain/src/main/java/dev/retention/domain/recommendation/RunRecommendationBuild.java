package dev.retention.domain.recommendation;

import dev.retention.domain.product.Products;
import dev.retention.domain.shared.Instants;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Builds the item-to-item model from every customer's purchases and stores it; with {@code evaluate}, also runs
 * the leave-last-order-out evaluation against the popularity baseline (on a second model that never sees the
 * held-out orders).
 */
public class RunRecommendationBuild {

    private final RecommendationStore store;
    private final Products products;
    private final Clock clock;

    public RunRecommendationBuild(RecommendationStore store, Products products, Clock clock) {
        this.store = store;
        this.products = products;
        this.clock = clock;
    }

    public void run(UUID id) {
        if (!store.start(id, Instants.now(clock))) {
            return;
        }
        RecommendationBuild build = store.find(id).orElseThrow();
        try {
            List<PurchaseHistory> histories = store.purchaseHistories();
            CoPurchaseModel model = BuildCoPurchaseModel.build(histories, build.settings());
            OfflineEvaluation.Result evaluation = null;
            if (build.evaluate()) {
                Set<String> inactive = products.inactiveAmong(model.stats().keySet());
                evaluation = OfflineEvaluation.evaluate(
                        histories, build.settings(), product -> !inactive.contains(product), OfflineEvaluation.K);
            }
            RecommendationBuild.Counts counts = new RecommendationBuild.Counts(
                    histories.size(),
                    histories.stream()
                            .mapToLong(history -> history.baskets().size())
                            .sum(),
                    model.stats().size(),
                    model.similar().values().stream().mapToLong(List::size).sum());
            store.succeed(id, model, counts, evaluation, Instants.now(clock));
        } catch (RuntimeException failed) {
            store.fail(id, failed.getMessage(), Instants.now(clock));
        }
    }
}
