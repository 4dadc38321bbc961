package dev.retention.persistence.support;

import dev.retention.domain.event.EventType;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Base of the adapter tests: the adapter under test (named by the test's {@code @SpringJUnitConfig}) with a JDBC
 * template and transactions on the real, migrated PostgreSQL, and empty tables before each test.
 */
public abstract class AdapterTest {

    /**
     * Deliberately not a {@code @Configuration}: this class ships in the test jar that the end-to-end tests use, and
     * the application's component scan must not find it there.
     */
    @EnableTransactionManagement
    public static class Infrastructure {

        @Bean
        DataSource dataSource() {
            return AdapterDatabase.dataSource();
        }

        @Bean
        JdbcTemplate jdbcTemplate(DataSource dataSource) {
            return new JdbcTemplate(dataSource);
        }

        @Bean
        PlatformTransactionManager transactionManager(DataSource dataSource) {
            return new JdbcTransactionManager(dataSource);
        }

        @Bean
        TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
            return new TransactionTemplate(transactionManager);
        }
    }

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected TransactionTemplate transactions;

    @BeforeEach
    void emptyTables() {
        jdbc.execute(TestDatabase.EMPTY_TABLES + ", api_key, audit_entry");
    }

    /** Registers a customer directly, as a CRM import would, and returns its id. */
    protected UUID customer(String externalId, String segment) {
        return customer(UUID.randomUUID(), externalId, segment);
    }

    /** Registers a customer with the given id, for tests where the order of ids matters. */
    protected UUID customer(UUID id, String externalId, String segment) {
        return TestDatabase.insertCustomer(jdbc, id, externalId, segment, Instant.parse("2026-01-01T00:00:00Z"));
    }

    /** Stores a PURCHASE or REFUND in EUR directly, as an import run in the database would; returns its id. */
    protected UUID money(UUID customer, EventType type, String at, String amount) {
        UUID id = UUID.randomUUID();
        jdbc.update(
                "insert into customer_event (id, customer_id, type, occurred_at, amount, currency, event_key, "
                        + "recorded_at) values (?, ?, ?, ?, ?, 'EUR', ?, now())",
                id,
                customer,
                type.name(),
                Timestamp.from(Instant.parse(at)),
                new BigDecimal(amount),
                type + "-" + id);
        return id;
    }
}
