package dev.retention.app.metrics;

import dev.retention.api.shared.ReportingSettings;
import dev.retention.domain.metrics.KeptActivitySpells;
import dev.retention.domain.metrics.RebuildActivitySpells;
import dev.retention.domain.risk.KeptPurchaseRhythms;
import dev.retention.domain.security.AuditLog;
import dev.retention.domain.shared.UnitOfWork;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Before the service answers, makes the kept INACTIVITY spells those of the configured window and activity types
 * ({@code retention.metrics.inactivity-days}, {@code retention.metrics.activity-types}); after a change of either,
 * the first start recomputes them from the events. Wires the rebuild that administrators can ask for.
 */
@Configuration(proxyBeanMethods = false)
class KeptActivitySpellsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KeptActivitySpellsConfiguration.class);

    @Bean
    RebuildActivitySpells rebuildActivitySpells(
            KeptActivitySpells spells,
            KeptPurchaseRhythms rhythms,
            AuditLog audit,
            UnitOfWork unitOfWork,
            Clock clock) {
        return new RebuildActivitySpells(spells, rhythms, audit, unitOfWork, clock);
    }

    @Bean
    InitializingBean spellsForConfiguredSettings(KeptActivitySpells spells, ReportingSettings defaults) {
        return () -> {
            long started = System.nanoTime();
            long rebuilt = spells.keepFor(Duration.ofDays(defaults.inactivityDays()), defaults.activityTypes());
            if (rebuilt >= 0) {
                log.info(
                        "Recomputed {} activity spells for W = {} days and activity types {} in {} ms",
                        rebuilt,
                        defaults.inactivityDays(),
                        defaults.activityTypes(),
                        (System.nanoTime() - started) / 1_000_000);
            }
        };
    }
}
