package dev.retention.support;

import dev.retention.api.shared.DataChanges;
import dev.retention.persistence.support.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the end-to-end tests: the whole application on a random port, over HTTP, against the shared real
 * PostgreSQL, with empty tables before each test.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"retention.rate-limit.enabled=false", "retention.recommendations.rebuild-cron=-"})
public abstract class ApiTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    private DataChanges dataChanges;

    protected Http http;

    /** The bootstrap admin key of every test context; admin includes every scope. */
    public static final String ADMIN_KEY = "rtn_test-admin-key-0123456789abcdefghijklmnopqrstuv";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("retention.bootstrap-admin-key", () -> ADMIN_KEY);
        TestDatabase database = TestDatabase.get();
        registry.add("spring.datasource.url", database::jdbcUrl);
        registry.add("spring.datasource.username", database::username);
        registry.add("spring.datasource.password", database::password);
    }

    @BeforeEach
    void emptyTablesAndConnect() throws InterruptedException {
        awaitBackgroundWork();
        emptyTables();
        dataChanges.changed();
        http = new Http("http://localhost:" + port, ADMIN_KEY);
    }

    /**
     * The scheduled jobs of the other test contexts (webhook dispatch, lease checks) write on their own; when one of
     * them holds a table the truncate needs while waiting for one it holds, PostgreSQL ends one of the two: the
     * truncate is then run again.
     */
    private void emptyTables() throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                jdbc.execute(TestDatabase.EMPTY_TABLES);
                return;
            } catch (PessimisticLockingFailureException deadlocked) {
                if (attempt == 5) {
                    throw deadlocked;
                }
                Thread.sleep(100L * attempt);
            }
        }
    }

    /**
     * Waits until no import or recommendation build an earlier test started is still running, so that emptying the
     * tables does not meet it halfway.
     */
    private void awaitBackgroundWork() throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Long running = jdbc.queryForObject(
                    "select (select count(*) from import_job where status in ('QUEUED', 'RUNNING'))"
                            + " + (select count(*) from recommendation_build where status in ('QUEUED', 'RUNNING'))",
                    Long.class);
            if (running == null || running == 0) {
                return;
            }
            Thread.sleep(50);
        }
    }

    /** Acquires a customer through the batch endpoint (created with its first event), at the given instant. */
    protected void acquire(String externalId, String at) {
        store(
                http,
                Map.of(
                        "externalId",
                        externalId,
                        "createCustomer",
                        true,
                        "type",
                        "ACQUIRED",
                        "occurredAt",
                        at,
                        "eventKey",
                        "acq"));
    }

    /** Stores one event through the batch endpoint of the given instance; fails unless it is stored. */
    protected static void store(Http through, Map<String, Object> event) {
        Http.Response response = through.post("/api/v1/events:batch", Map.of("events", List.of(event)));
        if (response.status() != 200) {
            throw new AssertionError("storing " + event + " failed: " + response);
        }
    }

    protected long count(String table) {
        Long count = jdbc.queryForObject("select count(*) from " + table, Long.class);
        return count == null ? 0 : count;
    }
}
