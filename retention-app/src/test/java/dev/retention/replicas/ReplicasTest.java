package dev.retention.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.persistence.support.TestDatabase;
import dev.retention.support.ApiTest;
import dev.retention.support.Cdnow;
import dev.retention.support.Http;
import dev.retention.support.Http.Response;
import dev.retention.support.ModelJobs;
import dev.retention.support.SecondInstance;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Two instances of the service on one database, as behind a load balancer: the test context (A) and a second
 * application started beside it (B). What one instance changes, or SQL run in the database changes, the other one
 * answers within a second; the same data has the same ETag on both; a key revoked on one stops working on the other;
 * a fit left running by an instance that stopped is taken over and finished once.
 */
class ReplicasTest extends ApiTest {

    private static final Duration WITHIN = Duration.ofSeconds(1);
    private static final String QUERY = "/api/v1/metrics/retention?from=2026-01-01&to=2026-03-01";

    private static final String FIT_LEASE = "3s";
    private static final String LEASE_CHECK = "300ms";

    private static SecondInstance replicaB;

    @DynamicPropertySource
    static void sameSettingsAsReplicaB(DynamicPropertyRegistry registry) {
        registry.add("retention.currency", () -> "USD");
        registry.add("retention.prediction.fit-lease", () -> FIT_LEASE);
        registry.add("retention.prediction.lease-check", () -> LEASE_CHECK);
    }

    @Autowired
    private ApplicationContext replicaA;

    private Http b;

    @BeforeEach
    void startReplicaB() {
        if (replicaB == null) {
            replicaB = SecondInstance.start(Map.of(
                    "retention.currency", "USD",
                    "retention.prediction.fit-lease", FIT_LEASE,
                    "retention.prediction.lease-check", LEASE_CHECK));
        }
        b = replicaB.http();
    }

    @AfterAll
    static void stopReplicaB() {
        if (replicaB != null) {
            replicaB.close();
            replicaB = null;
        }
    }

    private static long newCustomersInJanuary(Response response) {
        return response.json().get("periods").get(0).get("newCustomers").asLong();
    }

    /** Polls until the answer satisfies the condition, and says how long that took. */
    private static Duration until(Http replica, String path, Predicate<Response> condition) {
        long began = System.nanoTime();
        while (true) {
            Response response = replica.get(path);
            Duration waited = Duration.ofNanos(System.nanoTime() - began);
            if (condition.test(response) || waited.compareTo(Duration.ofSeconds(5)) > 0) {
                return waited;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return waited;
            }
        }
    }

    @Test
    void aWriteOnOneInstanceIsAnsweredByTheOtherWithinASecondWithTheSameETag() {
        acquire("crm-1", "2026-01-10T00:00:00Z");
        Response before = b.get(QUERY);
        assertThat(newCustomersInJanuary(before)).isEqualTo(1);
        assertThat(http.get(QUERY).header("ETag")).isEqualTo(before.header("ETag"));

        acquire("crm-2", "2026-01-20T00:00:00Z");
        Duration seen = until(b, QUERY, response -> newCustomersInJanuary(response) == 2);

        assertThat(seen).isLessThan(WITHIN);
        Response onA = http.get(QUERY);
        Response onB = b.get(QUERY);
        assertThat(onB.header("ETag")).isEqualTo(onA.header("ETag")).isNotEqualTo(before.header("ETag"));
        Response revalidated =
                b.send("GET", QUERY, null, "application/json", Map.of("If-None-Match", onA.header("ETag")));
        assertThat(revalidated.status()).isEqualTo(304);
    }

    @Test
    void aChangeMadeBySqlInTheDatabaseIsAnsweredByEveryInstanceWithinASecond() {
        acquire("crm-1", "2026-01-10T00:00:00Z");
        assertThat(newCustomersInJanuary(http.get(QUERY))).isEqualTo(1);
        assertThat(newCustomersInJanuary(b.get(QUERY))).isEqualTo(1);

        TestDatabase.insertCustomer(jdbc, "crm-sql", null, Instant.parse("2026-01-20T00:00:00Z"));

        assertThat(until(http, QUERY, response -> newCustomersInJanuary(response) == 2))
                .isLessThan(WITHIN);
        assertThat(until(b, QUERY, response -> newCustomersInJanuary(response) == 2))
                .isLessThan(WITHIN);
    }

    @Test
    void rfmScoresOfEitherInstanceIncludeWhatTheOtherOneWrote() {
        String rfm = "/api/v1/segments/rfm?windowDays=365&asOf=2026-06-01T00:00:00Z";
        purchase(http, "crm-a", "2026-03-01T10:00:00Z", "40");
        assertThat(b.get(rfm).json().get("customers").asLong()).isEqualTo(1); // B reads its histories

        purchase(b, "crm-b", "2026-04-01T10:00:00Z", "60");
        purchase(http, "crm-a", "2026-05-01T10:00:00Z", "25");

        for (Http replica : List.of(http, b)) {
            assertThat(until(
                            replica,
                            rfm,
                            response -> response.json().get("customers").asLong() == 2))
                    .isLessThan(WITHIN);
            assertThat(replica.get(rfm).json().get("revenue").decimalValue()).isEqualByComparingTo("125");
        }
        assertThat(b.get(rfm).header("ETag")).isEqualTo(http.get(rfm).header("ETag"));
    }

    private static void purchase(Http replica, String externalId, String at, String amount) {
        store(
                replica,
                Map.of(
                        "externalId",
                        externalId,
                        "createCustomer",
                        true,
                        "type",
                        "PURCHASE",
                        "occurredAt",
                        at,
                        "amount",
                        amount,
                        "currency",
                        "USD",
                        "eventKey",
                        "order-" + at.substring(0, 10)));
    }

    @Test
    void aKeyRevokedOnOneInstanceIsRefusedByTheOtherWithinASecond() {
        Response issued =
                http.post("/api/v1/admin/api-keys", Map.of("name", "dashboard", "scopes", List.of("metrics:read")));
        assertThat(issued.status()).isEqualTo(201);
        Http dashboardOnB = b.withKey(issued.json().get("key").asString());
        assertThat(dashboardOnB.get(QUERY).status()).isEqualTo(200); // now cached by B

        assertThat(http.delete("/api/v1/admin/api-keys/"
                                + issued.json().get("apiKey").get("id").asString())
                        .status())
                .isEqualTo(204);

        assertThat(until(dashboardOnB, QUERY, response -> response.status() == 401))
                .isLessThan(WITHIN);
    }

    @Test
    void aFitWhoseInstanceStoppedIsTakenOverAndFinishedOnce() throws Exception {
        Cdnow.importThroughTheApi(
                http,
                Cdnow.purchases().stream().filter(p -> p.amount().signum() > 0).toList());
        UUID abandoned = UUID.randomUUID();
        jdbc.update(
                "insert into clv_model (id, trigger, calibration_end, time_unit, horizon_months, "
                        + "monthly_discount_rate, zone, status, stage, progress_percent, requested_at, started_at, "
                        + "owner, lease_until) values (?, 'request', '1997-09-30', 'WEEK', 12, 0.01, 'UTC', "
                        + "'RUNNING', 'fitting BG/NBD', 20, now() - interval '2 minutes', "
                        + "now() - interval '2 minutes', 'a-stopped-instance', now() - interval '1 minute')",
                abandoned);

        JsonNode finished = ModelJobs.awaitFinished(b, abandoned.toString());

        assertThat(finished.get("status").asString()).as(finished.toString()).isEqualTo("SUCCEEDED");
        assertThat(jdbc.queryForObject(
                        "select count(*) from customer_prediction where model_id = ?", Long.class, abandoned))
                .isEqualTo(2_349);
        assertThat(jdbc.queryForObject("select owner from clv_model where id = ?", String.class, abandoned))
                .isNotEqualTo("a-stopped-instance");
    }

    @Test
    void aScheduledJobFiredByBothInstancesAtOnceRunsOnce() throws Exception {
        Object refitOnA = replicaA.getBean("scheduledClvRefit");
        Object refitOnB = replicaB.bean("scheduledClvRefit");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService both = Executors.newFixedThreadPool(2);
        List<Future<?>> firings =
                List.of(both.submit(() -> fire(refitOnA, start)), both.submit(() -> fire(refitOnB, start)));
        start.countDown();
        for (Future<?> firing : firings) {
            firing.get(30, TimeUnit.SECONDS);
        }
        both.shutdown();

        assertThat(jdbc.queryForObject("select count(*) from clv_model where trigger = 'schedule'", Long.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from shedlock where name = 'clv-refit'", Long.class))
                .isEqualTo(1);
        // The fit fails for want of customers; wait for it, so that no job writes while the next test empties tables.
        String queued = jdbc.queryForObject("select id from clv_model where trigger = 'schedule'", String.class);
        assertThat(ModelJobs.awaitFinished(http, queued).get("status").asString())
                .isEqualTo("FAILED");
    }

    /** Calls the job's scheduled method as the scheduler does, through the bean and its scheduler lock. */
    private static Void fire(Object job, CountDownLatch start) throws Exception {
        start.await();
        Method refit = job.getClass().getDeclaredMethod("refit");
        refit.setAccessible(true);
        refit.invoke(job);
        return null;
    }
}
