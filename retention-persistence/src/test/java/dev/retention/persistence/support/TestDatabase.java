package dev.retention.persistence.support;

import dev.retention.persistence.embedded.EmbeddedPostgresLauncher;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one real PostgreSQL of a test JVM, started on first use: the server named by {@code RETENTION_TEST_JDBC_URL}
 * (with {@code RETENTION_TEST_DB_USER} and {@code RETENTION_TEST_DB_PASSWORD}) if set, else a Testcontainers
 * container where Docker runs, else an embedded PostgreSQL.
 */
public final class TestDatabase {

    /** Empties every table of the service's data, so that each test starts from nothing. */
    public static final String EMPTY_TABLES = "truncate strategy_touch, strategy_assignment, strategy, "
            + "customer_feedback, loyalty_transaction, loyalty_redemption, loyalty_reward, loyalty_lot, "
            + "loyalty_account, loyalty_programme_version, customer_prediction, clv_model, revenue_by_quarter_hour, "
            + "customer_activity, customer_purchase_rhythm, customer_event_line, customer_event, customer, shedlock, rate_limit_bucket, "
            + "exchange_rate, webhook_delivery, webhook_signal, webhook_announcement, webhook_subscription, import_refusal, import_job, "
            + "product_popularity, product_purchase_stats, product_similarity, recommendation_build, product";

    private static TestDatabase instance;

    private final String jdbcUrl;
    private final String username;
    private final String password;
    private final String source;

    private TestDatabase(String jdbcUrl, String username, String password, String source) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.source = source;
    }

    public static synchronized TestDatabase get() {
        if (instance == null) {
            instance = start();
            System.out.println("Tests use PostgreSQL from " + instance.source + ": " + instance.jdbcUrl);
        }
        return instance;
    }

    private static TestDatabase start() {
        String url = System.getenv("RETENTION_TEST_JDBC_URL");
        if (url != null && !url.isBlank()) {
            return new TestDatabase(
                    url,
                    envOr("RETENTION_TEST_DB_USER", "postgres"),
                    envOr("RETENTION_TEST_DB_PASSWORD", ""),
                    "RETENTION_TEST_JDBC_URL");
        }
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine")
                    .withCommand("postgres", "-c", "fsync=off", "-c", "max_connections=400");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return new TestDatabase(
                    container.getJdbcUrl(), container.getUsername(), container.getPassword(), "Testcontainers");
        }
        try {
            EmbeddedPostgres postgres =
                    EmbeddedPostgresLauncher.start(Files.createTempDirectory("retention-test-pg"), 0, true);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting anyway
                }
            }));
            return new TestDatabase(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", "embedded PostgreSQL");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** The JDBC URL of another database on the same server. */
    public String jdbcUrlOf(String database) {
        int query = jdbcUrl.indexOf('?');
        String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        String parameters = query < 0 ? "" : jdbcUrl.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + parameters;
    }

    /**
     * Registers a customer with SQL, past the service, as a CRM import run in the database would; returns its id.
     */
    public static UUID insertCustomer(JdbcTemplate jdbc, String externalId, String segment, Instant acquiredAt) {
        return insertCustomer(jdbc, UUID.randomUUID(), externalId, segment, acquiredAt);
    }

    /** Like {@link #insertCustomer(JdbcTemplate, String, String, Instant)}, with the id given. */
    public static UUID insertCustomer(
            JdbcTemplate jdbc, UUID id, String externalId, String segment, Instant acquiredAt) {
        jdbc.update(
                "insert into customer (id, external_id, segment, acquired_at, acquired_at_explicit, attributes, "
                        + "created_at, updated_at, version) values (?, ?, ?, ?, true, '{}'::jsonb, now(), now(), 0)",
                id,
                externalId,
                segment,
                Timestamp.from(acquiredAt));
        return id;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, username, password);
    }
}
