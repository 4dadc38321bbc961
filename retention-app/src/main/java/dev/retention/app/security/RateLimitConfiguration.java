package dev.retention.app.security;

import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps the credentials' token buckets in PostgreSQL (Bucket4j's PostgreSQL integration: the bucket's row is locked
 * with select for update while a token is taken), so that every instance of the service draws from the same bucket.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    ProxyManager<String> rateLimitBuckets(DataSource dataSource) {
        return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .idColumn("id")
                .stateColumn("state")
                .build();
    }
}
