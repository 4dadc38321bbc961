package dev.retention.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.retention.client.ApiClient;
import dev.retention.client.ApiException;
import dev.retention.client.ApiResponse;
import dev.retention.client.api.AdministrationApi;
import dev.retention.client.api.CustomersApi;
import dev.retention.client.api.EventsApi;
import dev.retention.client.api.FeedbackApi;
import dev.retention.client.api.LoyaltyApi;
import dev.retention.client.api.MetricsApi;
import dev.retention.client.api.PredictionsApi;
import dev.retention.client.api.RfmSegmentsApi;
import dev.retention.client.api.StrategiesApi;
import dev.retention.client.model.AdjustmentRequest;
import dev.retention.client.model.BatchEventRequest;
import dev.retention.client.model.BatchItemStatus;
import dev.retention.client.model.BatchProblem;
import dev.retention.client.model.BatchRequest;
import dev.retention.client.model.BatchResponse;
import dev.retention.client.model.ChurnModel;
import dev.retention.client.model.ClvModelRequest;
import dev.retention.client.model.ClvModelResponse;
import dev.retention.client.model.ClvModelStatus;
import dev.retention.client.model.CreateApiKeyRequest;
import dev.retention.client.model.CreateCustomerRequest;
import dev.retention.client.model.CustomerPatch;
import dev.retention.client.model.CustomerResponse;
import dev.retention.client.model.EventRequest;
import dev.retention.client.model.EventType;
import dev.retention.client.model.FeedbackChannel;
import dev.retention.client.model.FeedbackRequest;
import dev.retention.client.model.FitTrigger;
import dev.retention.client.model.Granularity;
import dev.retention.client.model.IssuedApiKeyResponse;
import dev.retention.client.model.LedgerEntryType;
import dev.retention.client.model.ModelTimeUnit;
import dev.retention.client.model.PeriodFiguresResponse;
import dev.retention.client.model.PredictionOrder;
import dev.retention.client.model.Problem;
import dev.retention.client.model.ProgrammeVersionRequest;
import dev.retention.client.model.RedemptionRequest;
import dev.retention.client.model.RedemptionResponse;
import dev.retention.client.model.RetentionReportResponse;
import dev.retention.client.model.RewardRequest;
import dev.retention.client.model.RfmSegment;
import dev.retention.client.model.Scope;
import dev.retention.client.model.StrategyChannel;
import dev.retention.client.model.StrategyGroup;
import dev.retention.client.model.StrategyRequest;
import dev.retention.client.model.StrategyResponse;
import dev.retention.client.model.StrategyStatus;
import dev.retention.client.model.StrategyTarget;
import dev.retention.client.model.StrategyTouch;
import dev.retention.client.model.StrategyTransition;
import dev.retention.client.model.StrategyTransitionStatus;
import dev.retention.client.model.StrategyType;
import dev.retention.client.model.StrategyWindowState;
import dev.retention.client.model.Tier;
import dev.retention.client.model.TouchKind;
import dev.retention.support.ApiTest;
import dev.retention.support.SpecCheckingProxy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The main flows of the tour, driven only through the Java client that the build generates from the committed
 * OpenAPI document with the generator's default options: what a team that generates its client gets.
 */
class GeneratedClientTest extends ApiTest {

    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);

    private SpecCheckingProxy proxy;
    private ApiClient client;
    private CustomersApi customers;
    private EventsApi events;
    private MetricsApi metrics;

    @BeforeEach
    void client() {
        proxy = SpecCheckingProxy.forward(port);
        client = new ApiClient()
                .setPort(proxy.port())
                .setRequestInterceptor(request -> request.header("Authorization", "Bearer " + ADMIN_KEY));
        customers = new CustomersApi(client);
        events = new EventsApi(client);
        metrics = new MetricsApi(client);
    }

    @AfterEach
    void everyAnswerMatchedTheDocument() {
        proxy.close();
    }

    @Test
    void patchingOneFieldLeavesTheOthersAndNullClears() throws ApiException {
        CustomerResponse created = customers.createCustomer(new CreateCustomerRequest()
                .externalId("crm-10042")
                .name("Ada Lovelace")
                .email("ada@example.com")
                .segment("retail")
                .attributes(Map.of("country", "DE")));

        CustomerResponse segmentOnly =
                customers.updateCustomer(created.getId(), new CustomerPatch().segment("sme"), null);

        assertThat(segmentOnly.getSegment()).isEqualTo("sme");
        assertThat(segmentOnly.getName()).isEqualTo("Ada Lovelace");
        assertThat(segmentOnly.getEmail()).isEqualTo("ada@example.com");
        assertThat(segmentOnly.getAttributes()).containsEntry("country", "DE");

        CustomerResponse cleared = customers.updateCustomer(
                created.getId(), new CustomerPatch().email(null), "\"" + segmentOnly.getVersion() + "\"");

        assertThat(cleared.getEmail()).isNull();
        assertThat(cleared.getName()).isEqualTo("Ada Lovelace");
        assertThat(cleared.getSegment()).isEqualTo("sme");

        ApiException stale = catchThrowableOfType(
                ApiException.class,
                () -> customers.updateCustomer(
                        created.getId(),
                        new CustomerPatch().name("Someone else"),
                        "\"" + segmentOnly.getVersion() + "\""));
        assertThat(stale.getCode()).isEqualTo(412);
        assertThat(customers.listCustomers("crm-10042", null, null, null, 0, 20).getItems())
                .extracting(CustomerResponse::getName)
                .containsExactly("Ada Lovelace");
    }

    @Test
    void eventsAreIdempotentOneByOneAndInBatches() throws Exception {
        UUID id = customers
                .createCustomer(new CreateCustomerRequest().externalId("crm-1"))
                .getId();
        EventRequest purchase = new EventRequest()
                .type(EventType.PURCHASE)
                .occurredAt(NOW.minusDays(3))
                .amount(new BigDecimal("49.90"))
                .currency("EUR")
                .eventKey("order-1");

        ApiResponse<?> first = events.recordEventWithHttpInfo(id, purchase);
        ApiResponse<?> replay = events.recordEventWithHttpInfo(id, purchase);

        assertThat(first.getStatusCode()).isEqualTo(201);
        assertThat(replay.getStatusCode()).isEqualTo(200);

        BatchRequest batch = new BatchRequest()
                .events(List.of(
                        new BatchEventRequest()
                                .externalId("crm-2")
                                .createCustomer(true)
                                .type(EventType.ACQUIRED)
                                .occurredAt(NOW.minusDays(10))
                                .eventKey("acq-2"),
                        new BatchEventRequest()
                                .externalId("crm-2")
                                .type(EventType.PURCHASE)
                                .occurredAt(NOW.minusDays(2))
                                .amount(new BigDecimal("12.5"))
                                .currency("EUR")
                                .eventKey("order-7")));
        BatchResponse stored = events.recordEventBatch(batch);
        BatchResponse again = events.recordEventBatch(batch);

        assertThat(stored.getCreated()).isEqualTo(2);
        assertThat(again.getDuplicates()).isEqualTo(2);
        assertThat(again.getItems()).extracting(item -> item.getStatus()).containsOnly(BatchItemStatus.DUPLICATE);

        BatchRequest refused = new BatchRequest()
                .events(List.of(
                        new BatchEventRequest()
                                .externalId("crm-3")
                                .createCustomer(true)
                                .type(EventType.ACQUIRED)
                                .occurredAt(NOW.minusDays(1))
                                .eventKey("acq-3"),
                        new BatchEventRequest()
                                .externalId("crm-3")
                                .type(EventType.PURCHASE)
                                .occurredAt(NOW.minusDays(1))
                                .amount(new BigDecimal("5"))
                                .currency("USD")
                                .eventKey("order-usd")));
        ApiException rejected = catchThrowableOfType(ApiException.class, () -> events.recordEventBatch(refused));

        assertThat(rejected.getCode()).isEqualTo(422);
        BatchProblem problem = client.getObjectMapper().readValue(rejected.getResponseBody(), BatchProblem.class);
        assertThat(problem.getRejected()).isEqualTo(1);
        assertThat(problem.getItems())
                .extracting(item -> item.getStatus())
                .containsExactly(BatchItemStatus.NOT_STORED, BatchItemStatus.INVALID);
        assertThat(customers.listCustomers("crm-3", null, null, null, 0, 20).getItems())
                .isEmpty();
    }

    @Test
    void retentionFiguresCohortsAndTheSummaryWithConditionalRequests() throws Exception {
        // Two customers acquired in January 2026; one churns in February: by hand S(Feb) = 2, E(Feb) = 1, CRR 50.
        BatchRequest history = new BatchRequest()
                .events(List.of(
                        acquired("a", "2026-01-05T10:00:00Z"),
                        acquired("b", "2026-01-06T10:00:00Z"),
                        new BatchEventRequest()
                                .externalId("b")
                                .type(EventType.CHURNED)
                                .occurredAt(OffsetDateTime.parse("2026-02-10T10:00:00Z"))
                                .eventKey("churn-b")));
        events.recordEventBatch(history);

        ApiResponse<RetentionReportResponse> answer = metrics.getRetentionWithHttpInfo(
                LocalDate.parse("2026-01-01"),
                LocalDate.parse("2026-04-01"),
                Granularity.MONTH,
                "UTC",
                null,
                null,
                ChurnModel.CONTRACTUAL,
                null,
                null,
                null,
                null);

        PeriodFiguresResponse february = answer.getData().getPeriods().get(1);
        assertThat(february.getStartCustomers()).isEqualTo(2);
        assertThat(february.getEndCustomers()).isEqualTo(1);
        assertThat(february.getCrr()).isEqualByComparingTo("50");
        assertThat(answer.getData().getPeriods().get(0).getCrr()).isNull();
        assertThat(answer.getData().getPeriods().get(0).getUndefinedBecause()).containsKey("crr");
        String etag = answer.getHeaders().get("ETag").get(0);

        ApiException notModified = catchThrowableOfType(
                ApiException.class,
                () -> metrics.getRetention(
                        LocalDate.parse("2026-01-01"),
                        LocalDate.parse("2026-04-01"),
                        Granularity.MONTH,
                        "UTC",
                        null,
                        null,
                        ChurnModel.CONTRACTUAL,
                        null,
                        null,
                        null,
                        etag));
        assertThat(notModified.getCode()).isEqualTo(304);

        var cohorts = metrics.getCohorts(
                LocalDate.parse("2026-01-01"),
                LocalDate.parse("2026-04-01"),
                Granularity.MONTH,
                "UTC",
                null,
                null,
                ChurnModel.CONTRACTUAL,
                null,
                2,
                null);
        assertThat(cohorts.getCohorts().get(0).getSize()).isEqualTo(2);
        assertThat(cohorts.getCohorts().get(0).getOffsets().get(1).getActive()).isEqualTo(1);
        assertThat(metrics.getRetentionSummary(null)).isNotNull();
    }

    @Test
    void rfmAtRiskStrategiesFeedbackAndKeys() throws ApiException {
        for (int i = 0; i < 10; i++) {
            events.recordEventBatch(new BatchRequest()
                    .events(List.of(
                            new BatchEventRequest()
                                    .externalId("c" + i)
                                    .createCustomer(true)
                                    .type(EventType.PURCHASE)
                                    .occurredAt(NOW.minusDays(5 + 30L * i))
                                    .amount(new BigDecimal(10 + i))
                                    .currency("EUR")
                                    .eventKey("p1"),
                            new BatchEventRequest()
                                    .externalId("c" + i)
                                    .type(EventType.PURCHASE)
                                    .occurredAt(NOW.minusDays(6 + 30L * i))
                                    .amount(new BigDecimal(10 + i))
                                    .currency("EUR")
                                    .eventKey("p2"))));
        }
        RfmSegmentsApi rfm = new RfmSegmentsApi(client);
        assertThat(rfm.getRfmSegments(null, 365, null).getCustomers()).isEqualTo(10);
        assertThat(rfm.getRfmSegments(NOW, 365, null).getCustomers()).isEqualTo(10);
        assertThat(new CustomersApi(client).listAtRiskCustomers(null, 20, null)).isNotNull();
        assertThat(new CustomersApi(client).listAtRiskCustomers(NOW, 20, null)).isNotNull();

        StrategiesApi strategies = new StrategiesApi(client);
        StrategyResponse strategy = strategies.createStrategy(new StrategyRequest()
                .name("Win back")
                .type(StrategyType.PERSONALISED_MARKETING)
                .action("10% voucher")
                .channel(StrategyChannel.EMAIL)
                .target(new StrategyTarget().rfmSegments(EnumSet.allOf(RfmSegment.class)))
                .startsAt(NOW.minusDays(1))
                .endsAt(NOW.plusDays(30))
                .holdoutPercent(50));
        strategies.moveStrategy(strategy.getId(), new StrategyTransition().status(StrategyTransitionStatus.ACTIVE));
        var treatment = strategies
                .listStrategyAssignments(strategy.getId(), StrategyGroup.TREATMENT, 0, 500)
                .getItems();
        var holdout = strategies
                .listStrategyAssignments(strategy.getId(), StrategyGroup.HOLDOUT, 0, 500)
                .getItems();
        assertThat(treatment.size() + holdout.size()).isEqualTo(10);
        assertThat(treatment).isNotEmpty();
        strategies.recordStrategyTouch(
                strategy.getId(),
                new StrategyTouch().customerId(treatment.get(0).getCustomerId()).kind(TouchKind.SENT));
        var effect = strategies.getStrategyEffect(strategy.getId());
        assertThat(effect.getState()).isEqualTo(StrategyWindowState.RUNNING);
        assertThat(effect.getDuring().getTreatmentCustomers()).isEqualTo(treatment.size());

        // The other kinds of target. Three customers are moved to the segment retail. Every customer bought twice a
        // day apart and has been silent for at least 5 days since, beyond twice its own rhythm: all ten are at risk.
        for (int i = 0; i < 3; i++) {
            UUID id = customers
                    .listCustomers("c" + i, null, null, null, 0, 1)
                    .getItems()
                    .get(0)
                    .getId();
            customers.updateCustomer(id, new CustomerPatch().segment("retail"), null);
        }
        Map<StrategyTarget, Long> expected =
                Map.of(new StrategyTarget().customerSegment("retail"), 3L, new StrategyTarget().atRisk(true), 10L);
        for (Map.Entry<StrategyTarget, Long> target : expected.entrySet()) {
            StrategyResponse other = strategies.createStrategy(new StrategyRequest()
                    .name("Targeted")
                    .type(StrategyType.EXPERIENCE)
                    .action("Call")
                    .channel(StrategyChannel.PHONE)
                    .target(target.getKey())
                    .startsAt(NOW.minusDays(1))
                    .endsAt(NOW.plusDays(30)));
            assertThat(strategies
                            .moveStrategy(
                                    other.getId(), new StrategyTransition().status(StrategyTransitionStatus.ACTIVE))
                            .getStatus())
                    .isEqualTo(StrategyStatus.ACTIVE);
            assertThat(strategies
                            .listStrategyAssignments(other.getId(), null, 0, 500)
                            .getTotalItems())
                    .as(target.getKey().toString())
                    .isEqualTo(target.getValue());
        }

        UUID customer = treatment.get(0).getCustomerId();
        var feedback = new FeedbackApi(client)
                .recordFeedback(
                        customer,
                        new FeedbackRequest()
                                .npsScore(9)
                                .csatScore(4)
                                .channel(FeedbackChannel.EMAIL)
                                .comment("Quick delivery"));
        assertThat(feedback).isNotNull();

        AdministrationApi admin = new AdministrationApi(client);
        IssuedApiKeyResponse issued =
                admin.createApiKey(new CreateApiKeyRequest().name("dashboard").scopes(List.of(Scope.METRICS_READ)));
        ApiClient dashboard = new ApiClient()
                .setPort(proxy.port())
                .setRequestInterceptor(request -> request.header("Authorization", "Bearer " + issued.getKey()));
        assertThat(new MetricsApi(dashboard).getRetentionSummary(null)).isNotNull();
        ApiException forbidden = catchThrowableOfType(
                ApiException.class,
                () -> new CustomersApi(dashboard).createCustomer(new CreateCustomerRequest().externalId("x")));
        assertThat(forbidden.getCode()).isEqualTo(403);
        admin.revokeApiKey(issued.getApiKey().getId());
        ApiException revoked =
                catchThrowableOfType(ApiException.class, () -> new MetricsApi(dashboard).getRetentionSummary(null));
        assertThat(revoked.getCode()).isEqualTo(401);
    }

    @Test
    void errorsAreProblemDocuments() throws Exception {
        ApiException missing = catchThrowableOfType(ApiException.class, () -> customers.getCustomer(UUID.randomUUID()));

        assertThat(missing.getCode()).isEqualTo(404);
        Problem problem = client.getObjectMapper().readValue(missing.getResponseBody(), Problem.class);
        assertThat(problem.getStatus()).isEqualTo(404);
        assertThat(problem.getType().toString()).isEqualTo("https://retention.dev/problems/not-found");
    }

    @Test
    void loyaltyProgrammeAccountRewardAndIdempotentRedemption() throws ApiException {
        LoyaltyApi loyalty = new LoyaltyApi(client);
        loyalty.addLoyaltyProgrammeVersion(new ProgrammeVersionRequest()
                .pointsPerUnit(BigDecimal.ONE)
                .pointsLifetimeMonths(12)
                .tiers(List.of(new Tier().name("Green").qualifyingPoints(0L).multiplier(BigDecimal.ONE))));
        UUID customer = customers
                .createCustomer(new CreateCustomerRequest().externalId("member-1"))
                .getId();

        assertThat(loyalty.enrolMemberWithHttpInfo(customer).getStatusCode()).isEqualTo(201);
        loyalty.adjustLoyaltyPoints(
                customer, new AdjustmentRequest().points(200L).reason("Welcome gift"));
        UUID reward = loyalty.createReward(
                        new RewardRequest().name("Free coffee").costPoints(150L).stock(5))
                .getId();
        RedemptionRequest redemption = new RedemptionRequest().rewardId(reward).idempotencyKey("crm-81723");
        ApiResponse<RedemptionResponse> first = loyalty.redeemRewardWithHttpInfo(customer, redemption);
        ApiResponse<RedemptionResponse> again = loyalty.redeemRewardWithHttpInfo(customer, redemption);

        assertThat(first.getStatusCode()).isEqualTo(201);
        assertThat(first.getData().getBalance()).isEqualTo(50);
        assertThat(again.getStatusCode()).isEqualTo(200);
        assertThat(again.getData().getId()).isEqualTo(first.getData().getId());
        assertThat(loyalty.getLoyaltyAccount(customer).getBalance()).isEqualTo(50);
        assertThat(loyalty.listLoyaltyTransactions(customer, 0, 50).getItems())
                .extracting(entry -> entry.getType())
                .containsExactlyInAnyOrder(LedgerEntryType.ADJUST, LedgerEntryType.REDEEM);
        assertThat(loyalty.getReward(reward).getStock()).isEqualTo(4);
    }

    /**
     * Two hundred customers simulated as BG/NBD assumes (a fixed seed): each buys at its own rate (Gamma, shape 2,
     * mean 0.2 a week) and after each purchase drops out with its own probability (Beta(1, 3)); each has its own
     * mean spend. The fit runs as a job that the client polls.
     */
    @Test
    void aModelFitIsPolledAndItsPredictionsRead() throws Exception {
        Random random = new Random(7);
        OffsetDateTime start = OffsetDateTime.parse("2025-01-06T12:00:00Z");
        List<BatchEventRequest> purchases = new ArrayList<>();
        for (int c = 0; c < 200; c++) {
            double rate = -0.1 * (Math.log(1 - random.nextDouble()) + Math.log(1 - random.nextDouble()));
            double dropout = 1 - Math.pow(1 - random.nextDouble(), 1 / 3.0);
            double spend = 20 + random.nextDouble() * 100;
            double week = random.nextDouble() * 20;
            for (int n = 0; week < 60; n++) {
                purchases.add(new BatchEventRequest()
                        .externalId("sim-" + c)
                        .createCustomer(true)
                        .type(EventType.PURCHASE)
                        .occurredAt(start.plusMinutes(Math.round(week * 7 * 24 * 60)))
                        .amount(BigDecimal.valueOf(spend * (0.7 + 0.6 * random.nextDouble()))
                                .setScale(2, java.math.RoundingMode.HALF_EVEN))
                        .currency("EUR")
                        .eventKey("p-" + n));
                if (random.nextDouble() < dropout) {
                    break;
                }
                week += -Math.log(1 - random.nextDouble()) / rate;
            }
        }
        events.recordEventBatch(new BatchRequest().events(purchases));
        PredictionsApi predictions = new PredictionsApi(client);

        ApiResponse<ClvModelResponse> queued = predictions.fitClvModelWithHttpInfo(new ClvModelRequest()
                .calibrationEnd(LocalDate.parse("2026-03-01"))
                .timeUnit(ModelTimeUnit.WEEK)
                .horizonMonths(12));
        assertThat(queued.getStatusCode()).isEqualTo(202);
        assertThat(queued.getHeaders().get("Location").get(0))
                .endsWith(queued.getData().getId().toString());
        ClvModelResponse fit = queued.getData();
        for (int poll = 0;
                poll < 300 && (fit.getStatus() == ClvModelStatus.QUEUED || fit.getStatus() == ClvModelStatus.RUNNING);
                poll++) {
            Thread.sleep(100);
            fit = predictions.getClvModel(fit.getId());
        }

        assertThat(fit.getStatus()).as(fit.getError()).isEqualTo(ClvModelStatus.SUCCEEDED);
        assertThat(fit.getTrigger()).isEqualTo(FitTrigger.REQUEST);
        var ranked = predictions.listPredictions(PredictionOrder.CLV, 5, null);
        assertThat(ranked.getItems()).hasSize(5);
        assertThat(ranked.getOrderBy()).isEqualTo(PredictionOrder.CLV);
        var best = predictions.getCustomerPrediction(ranked.getItems().get(0).getCustomerId());
        assertThat(best.getProbabilityAlive()).isBetween(0.0, 1.0);
        assertThat(best.getLifetimeValue()).isPositive();
    }

    private static BatchEventRequest acquired(String externalId, String at) {
        return new BatchEventRequest()
                .externalId(externalId)
                .createCustomer(true)
                .type(EventType.ACQUIRED)
                .occurredAt(OffsetDateTime.parse(at))
                .eventKey("acq-" + externalId);
    }
}
