package dev.retention.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.RetentionApplication;
import dev.retention.persistence.embedded.EmbeddedPostgresLauncher;
import dev.retention.support.Http;
import dev.retention.support.Http.Response;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stops the service's PostgreSQL while several clients post events, and starts it again: requests fail fast with
 * 503 meanwhile, readiness turns DOWN (liveness stays UP), the service recovers by itself, and every acknowledged event is stored.
 */
class DatabaseOutageTest {

    private static final String KEY = "rtn_outage-admin-key-0123456789abcdefghijklmnopqrs";
    private static final int WRITERS = 4;

    private final Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
    private final Queue<Integer> unexpectedStatuses = new ConcurrentLinkedQueue<>();
    private final AtomicInteger unavailable = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);

    @Test
    void outageGives503sThenRecoversWithoutLosingAcknowledgedEvents() throws Exception {
        Path directory = Files.createTempDirectory("retention-outage");
        int databasePort = freePort();
        EmbeddedPostgres database = EmbeddedPostgresLauncher.start(directory, databasePort, false);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(RetentionApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.hikari.connection-timeout=1000",
                        "--retention.bootstrap-admin-key=" + KEY,
                        "--retention.rate-limit.enabled=false");
        try {
            Http http = new Http("http://localhost:" + app.getEnvironment().getProperty("local.server.port"), KEY);
            String customer = http.post("/api/v1/customers", Map.of("externalId", "crm-outage"))
                    .json()
                    .get("id")
                    .asString();
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                Thread thread = new Thread(() -> write(http, customer, writer));
                thread.start();
                writers.add(thread);
            }

            Thread.sleep(1_500);
            int beforeOutage = acknowledged.size();
            database.close();
            Thread.sleep(1_000);
            Response readinessDuringOutage = http.anonymous().get("/actuator/health/readiness");
            Response livenessDuringOutage = http.anonymous().get("/actuator/health/liveness");
            Thread.sleep(2_000);
            int unavailableDuringOutage = unavailable.get();
            database = EmbeddedPostgresLauncher.start(directory, databasePort, false);
            long restarted = System.nanoTime();
            while (http.anonymous().get("/actuator/health/readiness").status() != 200
                    && System.nanoTime() - restarted < 30_000_000_000L) {
                Thread.sleep(100);
            }
            double recoverySeconds = (System.nanoTime() - restarted) / 1e9;
            int atRecovery = acknowledged.size();
            Thread.sleep(1_500);
            running.set(false);
            for (Thread thread : writers) {
                thread.join(30_000);
            }

            System.out.printf(
                    "Outage: %d events acknowledged, %d answered 503, readiness back after %.1f s%n",
                    acknowledged.size(), unavailable.get(), recoverySeconds);
            assertThat(beforeOutage).isPositive();
            assertThat(readinessDuringOutage.status()).isEqualTo(503);
            assertThat(livenessDuringOutage.status()).isEqualTo(200);
            assertThat(unavailableDuringOutage).isPositive();
            assertThat(unexpectedStatuses).isEmpty();
            assertThat(recoverySeconds).isLessThan(10);
            assertThat(acknowledged.size()).isGreaterThan(atRecovery);
            assertThat(storedKeys(database, customer)).isEqualTo(acknowledged.size());
        } finally {
            running.set(false);
            app.close();
            database.close();
        }
    }

    private void write(Http http, String customer, int writer) {
        for (int n = 0; running.get(); n++) {
            String key = "w" + writer + "-" + n;
            Response response = http.post(
                    "/api/v1/customers/" + customer + "/events",
                    Map.of("type", "LOGIN", "occurredAt", "2026-01-01T00:00:00Z", "eventKey", key));
            if (response.status() == 201) {
                acknowledged.add(key);
            } else if (response.status() == 503
                    && response.header("Retry-After") != null
                    && response.header("Content-Type").startsWith("application/problem+json")) {
                unavailable.incrementAndGet();
            } else {
                unexpectedStatuses.add(response.status());
            }
        }
    }

    private long storedKeys(EmbeddedPostgres database, String customer) throws Exception {
        try (Connection connection = database.getPostgresDatabase().getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select count(*) from customer_event where customer_id = ?::uuid and event_key = any (?)")) {
            Array keys = connection.createArrayOf("text", acknowledged.toArray());
            statement.setString(1, customer);
            statement.setArray(2, keys);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
