package dev.retention.persistence.support;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The database of the adapter tests: its own database on the tests' PostgreSQL server, created afresh and migrated
 * once per test JVM by the service's own migrations.
 */
public final class AdapterDatabase {

    private static final String NAME = "adapter_tests";
    private static DataSource dataSource;

    private AdapterDatabase() {}

    public static synchronized DataSource dataSource() {
        if (dataSource == null) {
            TestDatabase server = TestDatabase.get();
            try (var connection = server.connect();
                    var statement = connection.createStatement()) {
                statement.execute("drop database if exists " + NAME + " with (force)");
                statement.execute("create database " + NAME);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("cannot create the adapter test database", e);
            }
            DriverManagerDataSource created =
                    new DriverManagerDataSource(server.jdbcUrlOf(NAME), server.username(), server.password());
            Flyway.configure().dataSource(created).load().migrate();
            dataSource = created;
        }
        return dataSource;
    }
}
