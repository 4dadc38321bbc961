package dev.retention.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.persistence.support.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

class FlywayMigrationTest {

    @Test
    void migrationsBuildTheSchemaInAnEmptyDatabase() throws Exception {
        TestDatabase server = TestDatabase.get();
        String database = "migration_check_" + System.nanoTime();
        try (Connection connection = server.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + database);
        }
        String url = server.jdbcUrlOf(database);
        try {
            MigrateResult result = Flyway.configure()
                    .dataSource(url, server.username(), server.password())
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();

            assertThat(result.success).isTrue();
            assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(1);
            try (Connection connection =
                            java.sql.DriverManager.getConnection(url, server.username(), server.password());
                    Statement statement = connection.createStatement();
                    ResultSet tables = statement.executeQuery(
                            "select table_name from information_schema.tables where table_schema = 'public'")) {
                List<String> names = new ArrayList<>();
                while (tables.next()) {
                    names.add(tables.getString(1));
                }
                assertThat(names).contains("customer", "customer_event", "flyway_schema_history");
            }
        } finally {
            try (Connection connection = server.connect();
                    Statement statement = connection.createStatement()) {
                statement.execute("drop database if exists " + database + " with (force)");
            }
        }
    }
}
