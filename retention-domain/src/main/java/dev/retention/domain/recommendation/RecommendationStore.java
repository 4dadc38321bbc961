package dev.retention.domain.recommendation;

import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Builds of the recommendation model, the models they made, and the purchases they are made from. */
public interface RecommendationStore {

    void add(RecommendationBuild build);

    /** Moves a queued build to running; false when another worker took it. */
    boolean start(UUID id, Instant at);

    /** Stores the model of a running build and marks it succeeded, dropping the models of older builds. */
    void succeed(
            UUID id,
            CoPurchaseModel model,
            RecommendationBuild.Counts counts,
            OfflineEvaluation.Result evaluation,
            Instant at);

    void fail(UUID id, String error, Instant at);

    Optional<RecommendationBuild> find(UUID id);

    /** Newest first. */
    Page<RecommendationBuild> list(PageRequest page);

    Optional<RecommendationBuild> latestSucceeded();

    /** Every customer's purchases with products, order by order; erased customers left out. */
    List<PurchaseHistory> purchaseHistories();

    /**
     * The purchases of the given customers, one history each with its segment (empty for customers without
     * purchases).
     */
    List<PurchaseHistory> purchaseHistoriesOf(Collection<UUID> customers);

    /** The whole model of a build. */
    CoPurchaseModel model(UUID build);

    /** One customer's purchases with products, order by order. */
    PurchaseHistory purchaseHistory(CustomerId customer, String segment);

    /**
     * The part of a build's model that recommending to one customer needs: the similar products and the purchase
     * statistics of the given products, and the most bought products overall and of the segment.
     */
    CoPurchaseModel modelAround(UUID build, Collection<String> products, String segment);
}
