package dev.retention.domain.webhook;

import dev.retention.domain.metrics.LifecycleQuery;
import dev.retention.domain.recommendation.RecommendForCustomers;
import dev.retention.domain.risk.AtRiskCustomer;
import dev.retention.domain.risk.AtRiskQuery;
import dev.retention.domain.risk.ListAtRiskCustomers;
import dev.retention.domain.shared.Instants;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import dev.retention.domain.strategy.Comparison;
import dev.retention.domain.strategy.ManageStrategies;
import dev.retention.domain.strategy.Strategy;
import dev.retention.domain.strategy.StrategyEffect;
import dev.retention.domain.strategy.Verdict;
import dev.retention.domain.strategy.WindowEffect;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Finds the signals that no single change raises: customers entering the at-risk list, points about to expire,
 * strategy effects turning significant and the monthly churn rate above a subscription's threshold. Each is
 * announced once (the store remembers it); only kinds that some active subscription wants are looked for.
 */
public class ScanWebhookSignals {

    /** How many lots one scan announces at most; the rest wait for the next scan. */
    static final int MAX_LOTS = 100_000;

    private final WebhookStore store;
    private final ListAtRiskCustomers atRisk;
    private final int atRiskLimit;
    private final ExpiringLots lots;
    private final Duration expiryNotice;
    private final ManageStrategies strategies;
    private final Function<Instant, LifecycleQuery> lifecycles;
    private final LatestChurnRate churnRate;
    private final RecommendForCustomers recommend;
    private final Clock clock;

    public ScanWebhookSignals(
            WebhookStore store,
            ListAtRiskCustomers atRisk,
            int atRiskLimit,
            ExpiringLots lots,
            Duration expiryNotice,
            ManageStrategies strategies,
            Function<Instant, LifecycleQuery> lifecycles,
            LatestChurnRate churnRate,
            RecommendForCustomers recommend,
            Clock clock) {
        this.recommend = recommend;
        this.store = store;
        this.atRisk = atRisk;
        this.atRiskLimit = atRiskLimit;
        this.lots = lots;
        this.expiryNotice = expiryNotice;
        this.strategies = strategies;
        this.lifecycles = lifecycles;
        this.churnRate = churnRate;
        this.clock = clock;
    }

    /** How many signals a scan raised, by kind. */
    public record Scan(int atRisk, int pointsExpiring, int strategyVerdicts, int metricThresholds) {}

    public Scan run() {
        Instant now = Instants.now(clock);
        return new Scan(
                store.anyoneWants(WebhookKind.CUSTOMER_AT_RISK) ? scanAtRisk(now) : 0,
                store.anyoneWants(WebhookKind.LOYALTY_POINTS_EXPIRING) ? scanExpiringPoints(now) : 0,
                store.anyoneWants(WebhookKind.STRATEGY_VERDICT) ? scanStrategies() : 0,
                store.anyoneWants(WebhookKind.METRIC_THRESHOLD) ? scanChurnRate(now) : 0);
    }

    /** Recommended products in a customer.at_risk message, for a personal offer. */
    public static final int RECOMMENDED_PRODUCTS = 3;

    /** A customer who leaves the list is forgotten, so that coming back onto it is announced again. */
    private int scanAtRisk(Instant now) {
        List<AtRiskCustomer> customers = atRisk.find(new AtRiskQuery(now, atRiskLimit));
        List<String> onTheList =
                customers.stream().map(c -> c.customerId().toString()).toList();
        store.forgetExcept(WebhookKind.CUSTOMER_AT_RISK, onTheList);
        Set<String> announcedBefore = store.announced(WebhookKind.CUSTOMER_AT_RISK, onTheList);
        List<AtRiskCustomer> entering = customers.stream()
                .filter(c -> !announcedBefore.contains(c.customerId().toString()))
                .toList();
        // Recommendations (which read the whole model) only for the customers about to be announced.
        Map<UUID, List<String>> recommended = recommend.topProducts(
                entering.stream().map(AtRiskCustomer::customerId).toList(), RECOMMENDED_PRODUCTS);
        int raised = 0;
        for (AtRiskCustomer customer : entering) {
            Map<String, Object> data = customerData(customer.customerId(), customer.externalId(), customer.segment());
            data.put("recommendedProducts", recommended.getOrDefault(customer.customerId(), List.of()));
            data.put("lastPurchaseAt", customer.lastPurchaseAt().toString());
            data.put("daysSinceLastPurchase", customer.daysSinceLastPurchase());
            data.put("thresholdDays", customer.thresholdDays());
            data.put("reason", customer.reason());
            data.put("valueAtRisk", customer.valueAtRisk());
            data.put("probabilityAlive", customer.probabilityAlive());
            if (store.announce(
                    WebhookKind.CUSTOMER_AT_RISK, customer.customerId().toString(), null, data)) {
                raised++;
            }
        }
        return raised;
    }

    private int scanExpiringPoints(Instant now) {
        List<ExpiringLots.ExpiringLot> expiring = lots.between(now, now.plus(expiryNotice), MAX_LOTS);
        if (expiring.size() < MAX_LOTS) {
            store.forgetExcept(
                    WebhookKind.LOYALTY_POINTS_EXPIRING,
                    expiring.stream().map(lot -> lot.lotId().toString()).toList());
        }
        int raised = 0;
        for (ExpiringLots.ExpiringLot lot : expiring) {
            Map<String, Object> data = customerData(lot.customerId(), lot.externalId(), lot.segment());
            data.put("lotId", lot.lotId().toString());
            data.put("points", lot.points());
            data.put("expiresAt", lot.expiresAt().toString());
            if (store.announce(WebhookKind.LOYALTY_POINTS_EXPIRING, lot.lotId().toString(), null, data)) {
                raised++;
            }
        }
        return raised;
    }

    /** Each significant verdict of each figure of each window is announced once; a changed verdict again. */
    private int scanStrategies() {
        int raised = 0;
        for (Strategy strategy : measurableStrategies()) {
            StrategyEffect effect = strategies.effect(strategy.id(), lifecycles);
            raised += announceVerdicts(strategy, "DURING", effect.during());
            raised += announceVerdicts(strategy, "AFTER", effect.after());
        }
        return raised;
    }

    private List<Strategy> measurableStrategies() {
        List<Strategy> found = new ArrayList<>();
        for (int page = 0; ; page++) {
            Page<Strategy> strategies = this.strategies.list(new PageRequest(page, PageRequest.MAX_SIZE));
            strategies.items().stream()
                    .filter(strategy -> strategy.activatedAt() != null)
                    .forEach(found::add);
            if ((long) (page + 1) * PageRequest.MAX_SIZE >= strategies.totalItems()) {
                return found;
            }
        }
    }

    private int announceVerdicts(Strategy strategy, String window, WindowEffect effect) {
        if (effect == null) {
            return 0;
        }
        Map<String, Comparison> figures = new LinkedHashMap<>();
        figures.put("retention", effect.retention());
        figures.put("churn", effect.churn());
        figures.put("revenuePerCustomer", effect.revenuePerCustomer());
        int raised = 0;
        for (Map.Entry<String, Comparison> figure : figures.entrySet()) {
            Comparison comparison = figure.getValue();
            if (comparison.verdict() == null || comparison.verdict() == Verdict.NOT_SIGNIFICANT) {
                continue;
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("strategyId", strategy.id().toString());
            data.put("name", strategy.name());
            data.put("window", window);
            data.put("from", effect.from().toString());
            data.put("until", effect.until().toString());
            data.put("figure", figure.getKey());
            data.put("verdict", comparison.verdict().name());
            data.put("treatment", comparison.treatment());
            data.put("holdout", comparison.holdout());
            data.put("uplift", comparison.uplift());
            data.put("lower", comparison.lower());
            data.put("upper", comparison.upper());
            data.put("treatmentCustomers", effect.treatmentCustomers());
            data.put("holdoutCustomers", effect.holdoutCustomers());
            String subject = strategy.id() + ":" + window + ":" + figure.getKey() + ":" + comparison.verdict();
            if (store.announce(WebhookKind.STRATEGY_VERDICT, subject, null, data)) {
                raised++;
            }
        }
        return raised;
    }

    /** Per subscription, since each has its own threshold; once per month and subscription. */
    private int scanChurnRate(Instant now) {
        LatestChurnRate.MonthChurn month = churnRate.before(now).orElse(null);
        if (month == null) {
            return 0;
        }
        int raised = 0;
        for (WebhookSubscription subscription : store.wanting(WebhookKind.METRIC_THRESHOLD)) {
            var threshold = subscription.filters().churnRateAbove();
            if (threshold == null || month.churnRate().compareTo(threshold) <= 0) {
                continue;
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("metric", "churnRate");
            data.put("granularity", "MONTH");
            data.put("periodStart", month.start().toString());
            data.put("periodEnd", month.end().toString());
            data.put("zone", month.zone());
            data.put("churnModel", month.churnModel());
            data.put("value", month.churnRate());
            data.put("threshold", threshold);
            data.put("startCustomers", month.startCustomers());
            data.put("churned", month.churned());
            String subject = subscription.id() + ":" + month.start();
            if (store.announce(WebhookKind.METRIC_THRESHOLD, subject, subscription.id(), data)) {
                raised++;
            }
        }
        return raised;
    }

    private static Map<String, Object> customerData(java.util.UUID id, String externalId, String segment) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("customerId", id.toString());
        data.put("externalId", externalId);
        data.put("segment", segment);
        return data;
    }
}
