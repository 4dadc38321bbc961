package dev.retention.app.embedded;

import com.zaxxer.hikari.HikariDataSource;
import dev.retention.persistence.embedded.EmbeddedPostgresLauncher;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The default database: with no {@code spring.datasource.url}, the service starts its own PostgreSQL whose data
 * lives in {@code retention.embedded-db.dir} (default {@code ./data/pg}) and survives restarts. It stops with the
 * application.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrlCondition.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(
            @Value("${retention.embedded-db.dir:./data/pg}") Path directory,
            @Value("${retention.embedded-db.port:0}") int port)
            throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgresLauncher.start(directory.toAbsolutePath(), port, false);
        log.info(
                "Embedded PostgreSQL listening on port {} with data in {}",
                postgres.getPort(),
                directory.toAbsolutePath());
        return postgres;
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        return dataSource;
    }
}
