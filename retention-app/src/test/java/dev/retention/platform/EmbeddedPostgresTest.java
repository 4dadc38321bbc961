package dev.retention.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.persistence.embedded.EmbeddedPostgresLauncher;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresTest {

    @Test
    void dataInTheEmbeddedDatabaseSurvivesARestart() throws Exception {
        Path directory = Files.createTempDirectory("retention-embedded-restart");

        try (EmbeddedPostgres first = EmbeddedPostgresLauncher.start(directory, 0, false);
                Connection connection = first.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("create table kept (value text)");
            connection.createStatement().execute("insert into kept values ('still here')");
        }
        try (EmbeddedPostgres second = EmbeddedPostgresLauncher.start(directory, 0, false);
                Connection connection = second.getPostgresDatabase().getConnection();
                ResultSet rows = connection.createStatement().executeQuery("select value from kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("still here");
        }
    }
}
