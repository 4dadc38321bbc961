package dev.retention.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.domain.prediction.FitLease;
import dev.retention.support.ApiTest;
import dev.retention.support.Http;
import dev.retention.support.Http.Response;
import dev.retention.support.SecondInstance;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;

/**
 * An instance that is told to stop: it reports not ready at once, hands its model fits back to the queue for
 * another instance, and still finishes the request it was serving before it goes.
 */
class GracefulShutdownTest extends ApiTest {

    private static final Duration WITHIN = Duration.ofSeconds(1);

    @Autowired
    private DataSource dataSource;

    private static boolean within(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(10);
        }
        return condition.getAsBoolean();
    }

    private boolean requestWaitsForTheLock() {
        Long waiting = jdbc.queryForObject(
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like 'update customer%'",
                Long.class);
        return waiting != null && waiting > 0;
    }

    @Test
    void aStoppingInstanceIsNotReadyHandsBackItsFitsAndFinishesTheRequestInFlight() throws Exception {
        SecondInstance stopping = SecondInstance.start(Map.of());
        Http onStopping = stopping.http();
        ApplicationAvailability availability = stopping.bean(ApplicationAvailability.class);
        String owner = stopping.bean(FitLease.class).owner();
        UUID fit = UUID.randomUUID();
        jdbc.update(
                "insert into clv_model (id, trigger, calibration_end, time_unit, horizon_months, monthly_discount_rate, "
                        + "zone, status, stage, progress_percent, requested_at, started_at, owner, lease_until) values "
                        + "(?, 'request', '2026-10-31', 'WEEK', 12, 0.01, 'UTC', 'RUNNING', 'fitting', 40, now(), now(), "
                        + "?, now() + interval '1 hour')",
                fit,
                owner);
        String customer = http.post("/api/v1/customers", Map.of("externalId", "crm-1"))
                .json()
                .get("id")
                .asString();
        assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);

        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (PreparedStatement select =
                    lock.prepareStatement("select 1 from customer where id = ?::uuid for update")) {
                select.setString(1, customer);
                select.execute();
            }
            CompletableFuture<Response> inFlight = CompletableFuture.supplyAsync(
                    () -> onStopping.patch("/api/v1/customers/" + customer, Map.of("segment", "retail"), Map.of()));
            assertThat(within(Duration.ofSeconds(10), this::requestWaitsForTheLock))
                    .as("the request reached the database")
                    .isTrue();

            CompletableFuture<Void> closing = CompletableFuture.runAsync(stopping::close);

            assertThat(within(WITHIN, () -> availability.getReadinessState() == ReadinessState.REFUSING_TRAFFIC))
                    .as("not ready within a second of being told to stop")
                    .isTrue();
            assertThat(within(
                            WITHIN,
                            () -> "QUEUED"
                                    .equals(jdbc.queryForObject(
                                            "select status from clv_model where id = ?", String.class, fit))))
                    .as("its fit is back in the queue")
                    .isTrue();
            assertThat(jdbc.queryForObject("select owner from clv_model where id = ?", String.class, fit))
                    .isNull();
            assertThat(inFlight).isNotDone();

            lock.commit();

            Response answer = inFlight.get();
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(answer.json().get("segment").asString()).isEqualTo("retail");
            closing.get();
        } finally {
            // Nobody is to run it: the fit stood for the work of the instance that stopped.
            jdbc.update("delete from clv_model where id = ?", fit);
        }
    }
}
