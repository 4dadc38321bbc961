package dev.retention.app.shared;

import dev.retention.api.security.ApiKeyCache;
import dev.retention.api.shared.DataChanges;
import dev.retention.persistence.shared.CommittedDataChanges;
import dev.retention.persistence.shared.DatabaseNotifications;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps what an instance caches fresh. Cached reports are dropped when a transaction of this instance that changed
 * report data commits (at once, before the answer to the writer leaves), and when the database announces a change
 * committed anywhere else: another instance or SQL run in the database. Cached API keys are dropped when the
 * database announces a revocation or another change to a key.
 */
@Configuration(proxyBeanMethods = false)
class ReportFreshnessConfiguration {

    @Bean
    CommittedDataChanges committedDataChanges(JdbcTemplate jdbc, DataChanges dataChanges) {
        return new CommittedDataChanges(jdbc, dataChanges::changed);
    }

    @Bean
    DatabaseNotifications databaseNotifications(
            DataSource dataSource, DataChanges dataChanges, ApiKeyCache apiKeyCache) {
        return new DatabaseNotifications(
                dataSource,
                Map.of(
                        DatabaseNotifications.DATA_CHANGED, dataChanges::changed,
                        DatabaseNotifications.API_KEYS_CHANGED, apiKeyCache::forgetAll));
    }
}
