package dev.retention.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.domain.loyalty.ExpirePoints;
import dev.retention.support.ApiTest;
import dev.retention.support.Http.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The loyalty programme over HTTP against PostgreSQL: earning exactly once, clawbacks, and redemptions and expiry
 * under concurrency, where the database's locks are what keeps the balance right.
 */
class LoyaltyApiTest extends ApiTest {

    private final ExecutorService clients = Executors.newFixedThreadPool(16);
    private final Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(5);

    @Autowired
    private ExpirePoints expirePoints;

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    /** From now: 1 point per 1.00; Green from 0, Gold from 100 qualifying points at ×1.5; points last 12 months. */
    private void programme() {
        Response added = http.post(
                "/api/v1/loyalty/programme/versions",
                Map.of(
                        "pointsPerUnit",
                        "1",
                        "pointsLifetimeMonths",
                        12,
                        "autoEnrol",
                        true,
                        "tiers",
                        List.of(
                                Map.of("name", "Green", "qualifyingPoints", 0, "multiplier", "1"),
                                Map.of("name", "Gold", "qualifyingPoints", 100, "multiplier", "1.5"))));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
    }

    private Map<String, Object> money(String type, int minutes, String amount, String key) {
        return Map.of(
                "externalId",
                "member",
                "createCustomer",
                true,
                "type",
                type,
                "occurredAt",
                start.plus(minutes, ChronoUnit.MINUTES).toString(),
                "amount",
                amount,
                "currency",
                "EUR",
                "eventKey",
                key);
    }

    private String member() {
        return http.get("/api/v1/customers?externalId=member")
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asString();
    }

    private JsonNode account(String customer) {
        return http.get("/api/v1/loyalty/accounts/" + customer).json();
    }

    private long ledgerSum(String customer) {
        Long sum = jdbc.queryForObject(
                "select coalesce(sum(points), 0) from loyalty_transaction " + "where customer_id = ?::uuid",
                Long.class,
                customer);
        return sum == null ? 0 : sum;
    }

    private long lotsRemaining(String customer) {
        Long sum = jdbc.queryForObject(
                "select coalesce(sum(remaining), 0) from loyalty_lot where customer_id = ?::uuid",
                Long.class,
                customer);
        return sum == null ? 0 : sum;
    }

    /** A member with {@code points} points from an adjustment. */
    private String memberWith(long points) {
        programme();
        String customer = http.post("/api/v1/customers", Map.of("externalId", "member"))
                .json()
                .get("id")
                .asString();
        assertThat(http.post("/api/v1/loyalty/accounts/" + customer, Map.of()).status())
                .isEqualTo(201);
        Response adjusted = http.post(
                "/api/v1/loyalty/accounts/" + customer + "/adjustments",
                Map.of("points", points, "reason", "test balance"));
        assertThat(adjusted.status()).as(adjusted.toString()).isEqualTo(200);
        return customer;
    }

    private String reward(long cost, Integer stock, String minimumTier) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Free coffee", "costPoints", cost));
        if (stock != null) {
            body.put("stock", stock);
        }
        if (minimumTier != null) {
            body.put("minimumTier", minimumTier);
        }
        Response created = http.post("/api/v1/loyalty/rewards", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private List<Response> inParallel(List<Callable<Response>> calls) throws Exception {
        List<Future<Response>> futures = clients.invokeAll(calls);
        List<Response> responses = new ArrayList<>();
        for (Future<Response> future : futures) {
            responses.add(future.get());
        }
        return responses;
    }

    private static long count(List<Response> responses, int status) {
        return responses.stream()
                .filter(response -> response.status() == status)
                .count();
    }

    @Test
    void rulesAreValidatedAndNeverApplyRetroactively() {
        Response invalid = http.post(
                "/api/v1/loyalty/programme/versions",
                Map.of(
                        "pointsPerUnit",
                        "0",
                        "tiers",
                        List.of(Map.of("name", "Gold", "qualifyingPoints", 5, "multiplier", "0.5"))));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("pointsPerUnit", "tiers[0].qualifyingPoints", "tiers[0].multiplier");
        Response past = http.post(
                "/api/v1/loyalty/programme/versions",
                Map.of(
                        "pointsPerUnit",
                        "1",
                        "effectiveFrom",
                        "2020-01-01T00:00:00Z",
                        "tiers",
                        List.of(Map.of("name", "Green", "qualifyingPoints", 0, "multiplier", "1"))));
        assertThat(past.status()).isEqualTo(422); // well-formed, but in the past
        assertThat(past.body()).contains("effectiveFrom", "retroactively");

        programme();
        Map<String, Object> greenOnly = Map.of("name", "Green", "qualifyingPoints", 0, "multiplier", "1");
        Response later = http.post(
                "/api/v1/loyalty/programme/versions",
                Map.of(
                        "pointsPerUnit",
                        "2",
                        "effectiveFrom",
                        start.plus(2, ChronoUnit.HOURS).toString(),
                        "tiers",
                        List.of(greenOnly)));
        assertThat(later.status()).as(later.toString()).isEqualTo(201);
        Response between = http.post(
                "/api/v1/loyalty/programme/versions",
                Map.of(
                        "pointsPerUnit",
                        "3",
                        "effectiveFrom",
                        start.plus(1, ChronoUnit.HOURS).toString(),
                        "tiers",
                        List.of(greenOnly)));
        assertThat(between.status()).isEqualTo(409);
        JsonNode programme = http.get("/api/v1/loyalty/programme").json();
        assertThat(programme.get("versions")).hasSize(2);
        assertThat(programme.get("current").get("pointsPerUnit").decimalValue()).isEqualByComparingTo("1");
        assertThat(programme
                        .get("current")
                        .get("tiers")
                        .get(1)
                        .get("multiplier")
                        .decimalValue())
                .isEqualByComparingTo("1.5");
    }

    @Test
    void pointsAreEarnedOnTheConvertedAmountAndSubscriptionsEarnNone() {
        programme();
        String today = LocalDate.ofInstant(start, ZoneOffset.UTC).toString();
        assertThat(http.put(
                                "/api/v1/fx-rates",
                                Map.of("rates", List.of(Map.of("currency", "USD", "date", today, "rate", "0.5"))))
                        .status())
                .isEqualTo(200);
        Map<String, Object> dollars = new HashMap<>(money("PURCHASE", 1, "100.00", "usd"));
        dollars.put("currency", "USD");
        Map<String, Object> plan = new HashMap<>(money("SUBSCRIPTION", 1, "500.00", "plan"));

        Response stored = http.post("/api/v1/events:batch", Map.of("events", List.of(dollars, plan)));

        assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
        assertThat(account(member()).get("balance").asLong())
                .as("100 USD = 50 EUR")
                .isEqualTo(50);
    }

    @Test
    void purchasesEarnOnceAtTheirTierAndRefundsClawBack() {
        programme();
        List<Map<String, Object>> purchases = List.of(
                money("PURCHASE", 1, "60.50", "p1"), // Green: 60; qualifying 60
                money("PURCHASE", 2, "50.00", "p2"), // Green: 50; qualifying 110, Gold
                money("PURCHASE", 2, "0.00", "free"), // a free order earns nothing and leaves no ledger entry
                money("PURCHASE", 3, "10.99", "p3")); // Gold: floor(10 × 1.5) = 15
        assertThat(http.post("/api/v1/events:batch", Map.of("events", purchases))
                        .status())
                .isEqualTo(200);
        assertThat(http.post("/api/v1/events:batch", Map.of("events", purchases))
                        .status())
                .isEqualTo(200);
        String customer = member();
        assertThat(account(customer).get("balance").asLong()).isEqualTo(125);

        Response refund = http.post(
                "/api/v1/customers/" + customer + "/events",
                Map.of(
                        "type",
                        "REFUND",
                        "occurredAt",
                        start.plus(4, ChronoUnit.MINUTES).toString(),
                        "amount",
                        "20.00",
                        "currency",
                        "EUR",
                        "eventKey",
                        "r1"));
        assertThat(refund.status()).isEqualTo(201);

        JsonNode account = account(customer);
        assertThat(account.get("balance").asLong()).isEqualTo(95); // 125 - floor(20 × 1.5)
        assertThat(account.get("lifetimePoints").asLong()).isEqualTo(95);
        assertThat(account.get("tier").asString()).isEqualTo("Gold"); // qualifying 130 - 20 = 110
        assertThat(account.get("pointsExpiringIn30Days").asLong()).isZero();
        assertThat(ledgerSum(customer)).isEqualTo(95);
        assertThat(lotsRemaining(customer)).isEqualTo(95);
        JsonNode ledger = http.get("/api/v1/loyalty/accounts/" + customer + "/transactions")
                .json();
        assertThat(ledger.get("items"))
                .extracting(entry -> entry.get("type").asString())
                .containsExactlyInAnyOrder("EARN", "EARN", "EARN", "CLAWBACK");
    }

    @Test
    void twoHundredParallelRedemptionsOfFiftyAffordableOnesLeaveExactlyZero() throws Exception {
        String customer = memberWith(500);
        String reward = reward(10, null, null);
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String key = "redeem-" + i;
            calls.add(() -> http.post(
                    "/api/v1/loyalty/accounts/" + customer + "/redemptions",
                    Map.of("rewardId", reward, "idempotencyKey", key)));
        }

        List<Response> responses = inParallel(calls);

        assertThat(count(responses, 201)).isEqualTo(50);
        assertThat(count(responses, 409)).isEqualTo(150);
        assertThat(responses.stream().filter(r -> r.status() == 409).map(Response::body))
                .allMatch(body -> body.contains("insufficient-points"));
        assertThat(account(customer).get("balance").asLong()).isZero();
        assertThat(ledgerSum(customer)).isZero();
        assertThat(lotsRemaining(customer)).isZero();
        assertThat(count("loyalty_redemption")).isEqualTo(50);
    }

    @Test
    void limitedStockRunsOutExactly() throws Exception {
        String customer = memberWith(500);
        String reward = reward(10, 5, null);
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String key = "stock-" + i;
            calls.add(() -> http.post(
                    "/api/v1/loyalty/accounts/" + customer + "/redemptions",
                    Map.of("rewardId", reward, "idempotencyKey", key)));
        }

        List<Response> responses = inParallel(calls);

        assertThat(count(responses, 201)).isEqualTo(5);
        assertThat(count(responses, 409)).isEqualTo(35);
        assertThat(responses.stream().filter(r -> r.status() == 409).map(Response::body))
                .allMatch(body -> body.contains("out-of-stock"));
        assertThat(http.get("/api/v1/loyalty/rewards/" + reward)
                        .json()
                        .get("stock")
                        .asInt())
                .isZero();
        assertThat(account(customer).get("balance").asLong()).isEqualTo(450);
        assertThat(ledgerSum(customer)).isEqualTo(450);
    }

    @Test
    void theSameKeySentTenTimesAtOnceRedeemsOnce() throws Exception {
        String customer = memberWith(100);
        String reward = reward(30, null, null);
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(() -> http.post(
                    "/api/v1/loyalty/accounts/" + customer + "/redemptions",
                    Map.of("rewardId", reward, "idempotencyKey", "same-key")));
        }

        List<Response> responses = inParallel(calls);

        assertThat(count(responses, 201)).isEqualTo(1);
        assertThat(count(responses, 200)).isEqualTo(9);
        assertThat(responses)
                .extracting(r -> r.json().get("id").asString())
                .containsOnly(responses.get(0).json().get("id").asString());
        assertThat(account(customer).get("balance").asLong()).isEqualTo(70);
        Response otherReward = http.post(
                "/api/v1/loyalty/accounts/" + customer + "/redemptions",
                Map.of("rewardId", reward(5, null, null), "idempotencyKey", "same-key"));
        assertThat(otherReward.status()).isEqualTo(409);
        assertThat(otherReward.body()).contains("idempotency-key-reused");
    }

    @Test
    void redemptionsSayWhyTheyAreRefused() {
        String customer = memberWith(100);
        String goldOnly = reward(10, null, "Gold");
        String archived = reward(10, null, null);
        assertThat(http.delete("/api/v1/loyalty/rewards/" + archived).status()).isEqualTo(204);

        Response tier = http.post(
                "/api/v1/loyalty/accounts/" + customer + "/redemptions",
                Map.of("rewardId", goldOnly, "idempotencyKey", "k1"));
        Response inactive = http.post(
                "/api/v1/loyalty/accounts/" + customer + "/redemptions",
                Map.of("rewardId", archived, "idempotencyKey", "k2"));
        Response unknown = http.post(
                "/api/v1/loyalty/accounts/" + customer + "/redemptions",
                Map.of("rewardId", "5f0c9a8e-0b7e-4c57-9f55-0e4a7c1d2b3a", "idempotencyKey", "k3"));
        Response noKey =
                http.post("/api/v1/loyalty/accounts/" + customer + "/redemptions", Map.of("rewardId", goldOnly));

        assertThat(tier.status()).isEqualTo(422);
        assertThat(tier.body()).contains("tier-too-low", "Gold");
        assertThat(inactive.status()).isEqualTo(422);
        assertThat(inactive.body()).contains("reward-not-active");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.body()).contains("idempotencyKey");
        assertThat(account(customer).get("balance").asLong()).isEqualTo(100);
        assertThat(http.post(
                                "/api/v1/loyalty/accounts/" + customer + "/adjustments",
                                Map.of("points", -101, "reason", "too much"))
                        .status())
                .isEqualTo(409);
    }

    @Test
    void twoExpiryRunsAtOnceExpireEachLotOnce() throws Exception {
        programme();
        List<Map<String, Object>> purchases = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            purchases.add(money("PURCHASE", i, "10.00", "p" + i));
        }
        assertThat(http.post("/api/v1/events:batch", Map.of("events", purchases))
                        .status())
                .isEqualTo(200);
        String customer = member();
        // Arranged in the database: the lots' lifetime has passed.
        jdbc.update("update loyalty_lot set expires_at = now() - interval '1 day'");

        List<Future<ExpirePoints.Run>> runs =
                clients.invokeAll(List.<Callable<ExpirePoints.Run>>of(expirePoints::run, expirePoints::run));
        int expired = runs.get(0).get().lotsExpired() + runs.get(1).get().lotsExpired();
        ExpirePoints.Run again = expirePoints.run();

        assertThat(expired).isEqualTo(20);
        assertThat(again.lotsExpired()).isZero();
        Long expiries =
                jdbc.queryForObject("select count(*) from loyalty_transaction where type = 'EXPIRE'", Long.class);
        assertThat(expiries).isEqualTo(20);
        assertThat(account(customer).get("balance").asLong()).isZero();
        assertThat(ledgerSum(customer)).isZero();
    }
}
