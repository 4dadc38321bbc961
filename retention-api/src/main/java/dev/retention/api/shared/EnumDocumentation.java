package dev.retention.api.shared;

import dev.retention.domain.prediction.ClvModel;
import dev.retention.domain.prediction.PredictionOrder;
import dev.retention.domain.security.Scope;
import dev.retention.domain.strategy.Verdict;
import dev.retention.domain.webhook.WebhookDelivery;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Names and describes the shared enumeration components. The domain's enums carry no documentation annotations
 * (the domain knows no framework), so a component would otherwise take the description of whichever property
 * used it first, and nested enums a name such as {@code Kind} that says nothing in a generated client.
 */
@Configuration(proxyBeanMethods = false)
public class EnumDocumentation {

    private static final String COMPONENTS = "#/components/schemas/";
    /** References to the enumerations whose values are not Java constant names, for {@code @Schema(ref = ...)}. */
    public static final String SCOPE = COMPONENTS + "Scope";

    public static final String FIT_TRIGGER = COMPONENTS + "FitTrigger";
    public static final String PREDICTION_ORDER = COMPONENTS + "PredictionOrder";
    public static final String VERDICT = COMPONENTS + "Verdict";
    public static final String WEBHOOK_KIND = COMPONENTS + "WebhookKind";
    public static final String WEBHOOK_DELIVERY_STATUS = COMPONENTS + "WebhookDeliveryStatus";

    private record EnumDoc(String name, String description) {}

    private static final Map<String, EnumDoc> ENUMS = Map.ofEntries(
            Map.entry(
                    "ChurnModel",
                    new EnumDoc(
                            "ChurnModel",
                            "How a customer's status is derived: CONTRACTUAL "
                                    + "(active from acquisition until a CHURNED event) or INACTIVITY (active while the last "
                                    + "activity lies within the inactivity window).")),
            Map.entry(
                    "ClvModelStatus",
                    new EnumDoc(
                            "ClvModelStatus", "The state of a model fit: QUEUED, RUNNING, " + "SUCCEEDED or FAILED.")),
            Map.entry(
                    "BuildStatus",
                    new EnumDoc(
                            "RecommendationModelStatus",
                            "The state of a recommendation model build: QUEUED, RUNNING, SUCCEEDED or FAILED.")),
            Map.entry("EventType", new EnumDoc("EventType", "What a customer did or what happened to it.")),
            Map.entry(
                    "ImportKind",
                    new EnumDoc(
                            "ImportKind",
                            "What the rows of an imported file are: EVENTS (the default), events or order lines; "
                                    + "CUSTOMERS, customers mapped by externalId, name, email, segment and "
                                    + "acquiredAt, registered by the customer rules (those known by their "
                                    + "externalId already are left as they are and count as duplicates).")),
            Map.entry(
                    "Source",
                    new EnumDoc(
                            "RecommendationSource",
                            "Where a recommendation comes from: SIMILAR (bought by the buyers of what the customer "
                                    + "bought) or POPULAR (among the most bought products of the customer's "
                                    + "segment).")),
            Map.entry("FeedbackChannel", new EnumDoc("FeedbackChannel", "Where a feedback answer was given.")),
            Map.entry(
                    "FitBy",
                    new EnumDoc(
                            "FitBy",
                            "Which customers share one retention fit: COHORT (each acquisition cohort alone), SEGMENT "
                                    + "(each segment's cohorts together) or POOLED (all cohorts together).")),
            Map.entry(
                    "Granularity",
                    new EnumDoc("Granularity", "Period length: DAY, WEEK (ISO, Monday), MONTH, " + "QUARTER or YEAR.")),
            Map.entry(
                    "Group",
                    new EnumDoc(
                            "StrategyGroup",
                            "The side of a strategy an assigned customer is on: "
                                    + "TREATMENT (reached by the action) or HOLDOUT (kept out as the control group).")),
            Map.entry(
                    "Kind",
                    new EnumDoc(
                            "TouchKind",
                            "What happened between a strategy and a treatment "
                                    + "customer: SENT, OPENED or REDEEMED.")),
            Map.entry(
                    "ImportStatus",
                    new EnumDoc(
                            "ImportStatus",
                            "Where an import stands: AWAITING_FILE (created, send its file), QUEUED, RUNNING, "
                                    + "SUCCEEDED (every row read: stored, duplicate or refused) or FAILED (stopped; "
                                    + "see error).")),
            Map.entry(
                    "LedgerEntryType",
                    new EnumDoc(
                            "LedgerEntryType",
                            "The kind of a loyalty ledger entry: EARN, "
                                    + "REDEEM, EXPIRE, ADJUST (with a reason) or CLAWBACK (a refund taking points back).")),
            Map.entry(
                    "Membership",
                    new EnumDoc("Membership", "Loyalty programme membership: MEMBER or " + "NON_MEMBER.")),
            Map.entry(
                    "ModelTimeUnit",
                    new EnumDoc(
                            "ModelTimeUnit",
                            "The unit in which purchases are counted: at "
                                    + "most one purchase per customer and unit of time counts.")),
            Map.entry(
                    "PurchaseModelKind",
                    new EnumDoc(
                            "PurchaseModelKind",
                            "The purchase model of a lifetime-value fit: BG_NBD, MBG_NBD (a one-time buyer may "
                                    + "have left already) or PARETO_NBD.")),
            Map.entry(
                    "RevenueComparison",
                    new EnumDoc(
                            "RevenueComparison",
                            "What a period's revenue is compared with: PREVIOUS, the period before; YEAR_AGO, the "
                                    + "period that contains the same day a year earlier.")),
            Map.entry(
                    "RfmSegment",
                    new EnumDoc(
                            "RfmSegment", "A cell group of the RFM grid, from the recency " + "and frequency scores.")),
            Map.entry(
                    "Status",
                    new EnumDoc(
                            "BatchItemStatus",
                            "What became of one event of a batch: CREATED "
                                    + "(stored now), DUPLICATE (stored before under this key), CONFLICT (the key is taken by other "
                                    + "content), INVALID (refused, see errors), NOT_STORED (valid, but the batch was refused "
                                    + "because of other events).")),
            Map.entry("StrategyChannel", new EnumDoc("StrategyChannel", "How a strategy reaches the customer.")),
            Map.entry(
                    "StrategyStatus",
                    new EnumDoc("StrategyStatus", "A strategy's status: DRAFT, ACTIVE, " + "COMPLETED or CANCELLED.")),
            Map.entry("StrategyType", new EnumDoc("StrategyType", "The family of a retention strategy.")),
            Map.entry(
                    "WindowState",
                    new EnumDoc(
                            "StrategyWindowState",
                            "Where now lies against a strategy's " + "window: NOT_STARTED, RUNNING or ENDED.")));

    @Bean
    OpenApiCustomizer enumComponents() {
        return openApi -> {
            Components components = openApi.getComponents();
            stringEnum(
                    components,
                    SCOPE,
                    "A permission of a credential; admin includes every other scope.",
                    Arrays.stream(Scope.values()).map(Scope::value).toList());
            stringEnum(
                    components,
                    FIT_TRIGGER,
                    "Who asked for a model fit: a client's request, the schedule, or a comparison of purchase models "
                            + "(whose fits score no customer).",
                    List.of(ClvModel.REQUESTED, ClvModel.SCHEDULED, ClvModel.COMPARISON));
            stringEnum(
                    components,
                    PREDICTION_ORDER,
                    "How predictions are ranked: clv, highest lifetime value first; "
                            + "pAlive, lowest P(alive) first.",
                    Arrays.stream(PredictionOrder.values())
                            .map(PredictionOrder::value)
                            .toList());
            stringEnum(
                    components,
                    VERDICT,
                    "What the 95% interval of an uplift says; positive means better for the "
                            + "business (for churn: lower).",
                    Arrays.stream(Verdict.values()).map(Verdict::words).toList());
            stringEnum(
                    components,
                    WEBHOOK_DELIVERY_STATUS,
                    "What became of a delivery: PENDING (not yet acknowledged; retried with backoff), DELIVERED "
                            + "(the receiver answered 2xx) or FAILED (given up after a day of failed attempts).",
                    Arrays.stream(WebhookDelivery.Status.values())
                            .map(Enum::name)
                            .toList());
            Map<String, Schema> renamed = new LinkedHashMap<>();
            Map<String, String> newNames = new LinkedHashMap<>();
            components.getSchemas().forEach((name, schema) -> {
                EnumDoc doc = schema.getEnum() == null ? null : ENUMS.get(name);
                if (doc != null) {
                    schema.setDescription(doc.description());
                    newNames.put(name, doc.name());
                }
                renamed.put(doc == null ? name : doc.name(), schema);
            });
            components.setSchemas(new TreeMap<>(renamed));
            SchemaWalk.everySchema(openApi, schema -> {
                if (schema.get$ref() != null) {
                    String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
                    if (newNames.containsKey(name)) {
                        schema.set$ref("#/components/schemas/" + newNames.get(name));
                    }
                }
            });
        };
    }

    /** Adds a component that is an enumeration of strings. */
    public static void stringEnum(Components components, String reference, String description, List<String> values) {
        StringSchema schema = new StringSchema();
        schema.setEnum(values);
        components.addSchemas(reference.substring(COMPONENTS.length()), schema.description(description));
    }
}
