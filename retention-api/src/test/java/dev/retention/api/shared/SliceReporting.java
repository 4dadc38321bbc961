package dev.retention.api.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/**
 * What report controllers need besides their use cases in a slice test: the reporting settings a service has when
 * nothing is configured, a response cache, and a clock stopped at {@link #NOW}.
 */
@TestConfiguration
@Import(DefaultReportingSettings.class)
public class SliceReporting {

    public static final Instant NOW = Instant.parse("2026-11-30T00:00:00Z");

    @Bean
    ReportCache reportCache() {
        return new ReportCache(
                new DataChanges(), JsonMapper.builder().build(), 100, Duration.ofMinutes(5), Duration.ofSeconds(30));
    }

    @Bean
    Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}
