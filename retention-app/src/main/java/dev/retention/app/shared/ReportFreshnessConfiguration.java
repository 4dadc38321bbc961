package dev.retention.app.shared;

import dev.retention.api.shared.DataChanges;
import dev.retention.persistence.shared.CommittedDataChanges;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Cached reports are dropped whenever a transaction that changed report data commits; the transaction managers pick
 * the listener up as a transaction execution listener.
 */
@Configuration(proxyBeanMethods = false)
class ReportFreshnessConfiguration {

    @Bean
    CommittedDataChanges committedDataChanges(JdbcTemplate jdbc, DataChanges dataChanges) {
        return new CommittedDataChanges(jdbc, dataChanges::changed);
    }
}
