package dev.retention.app.demo;

import dev.retention.domain.customer.CustomerQuery;
import dev.retention.domain.customer.Customers;
import dev.retention.domain.event.EventSubmission;
import dev.retention.domain.event.IngestionResult;
import dev.retention.domain.event.RecordEvents;
import dev.retention.domain.product.ManageProducts;
import dev.retention.domain.product.ProductDraft;
import dev.retention.domain.recommendation.RecommendationSettings;
import dev.retention.domain.recommendation.RequestRecommendationBuild;
import dev.retention.domain.shared.PageRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the demo data set into an empty database, through the same ingestion path as the API, names its products
 * and builds the recommendation model in the background.
 */
public class DemoDataLoader {

    public static final int DEMO_CUSTOMERS = 3_000;

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final Customers customers;
    private final RecordEvents recordEvents;
    private final ManageProducts products;
    private final RequestRecommendationBuild recommendations;
    private final String currency;

    public DemoDataLoader(
            Customers customers,
            RecordEvents recordEvents,
            ManageProducts products,
            RequestRecommendationBuild recommendations,
            String currency) {
        this.customers = customers;
        this.recordEvents = recordEvents;
        this.products = products;
        this.recommendations = recommendations;
        this.currency = currency;
    }

    /** Returns true if it loaded the data, false if the database already held customers. */
    public boolean loadIfEmpty() {
        if (customers.search(CustomerQuery.all(), new PageRequest(0, 1)).totalItems() > 0) {
            log.info("Demo data not loaded: the database already holds customers");
            return false;
        }
        DemoDataGenerator.DemoData data =
                new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, currency).generate(DEMO_CUSTOMERS);
        customers.addAll(data.customers());
        List<EventSubmission> events = data.events();
        for (int from = 0; from < events.size(); from += RecordEvents.MAX_BATCH_SIZE) {
            int to = Math.min(events.size(), from + RecordEvents.MAX_BATCH_SIZE);
            List<EventSubmission> batch = events.subList(from, to);
            IngestionResult result = recordEvents.record(batch);
            if (!result.accepted()) {
                throw new IllegalStateException("Demo data refused: "
                        + result.outcomes().stream()
                                .filter(outcome -> outcome.isRejected())
                                .findFirst()
                                .orElseThrow());
            }
        }
        DemoCatalogue.PRODUCTS.forEach(
                product -> products.put(product.id(), new ProductDraft(product.name(), product.category(), true)));
        recommendations.request(RecommendationSettings.DEFAULTS, false);
        log.info("Loaded demo data: {} customers, {} events", data.customers().size(), events.size());
        return true;
    }
}
