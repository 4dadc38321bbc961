package dev.retention.app.rfm;

import dev.retention.domain.rfm.KeptMoneyHistories;
import dev.retention.domain.rfm.RfmBook;
import dev.retention.domain.rfm.RfmScores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * RFM scores from the money histories kept in memory ({@code retention.rfm.keep-histories-in-memory}), read in the
 * background as soon as the service is ready, so that the first request does not wait for them; otherwise from the
 * database's statement.
 */
@Configuration(proxyBeanMethods = false)
class KeptMoneyHistoriesConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KeptMoneyHistoriesConfiguration.class);

    @Bean
    @Primary
    RfmScores rfmScores(
            RfmProperties settings, KeptMoneyHistories kept, @Qualifier("rfmPersistenceAdapter") RfmScores database) {
        return settings.keepHistoriesInMemory() ? new RfmBook(kept, database) : database;
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> moneyHistoriesReadAtStart(
            RfmProperties settings, KeptMoneyHistories kept) {
        return ready -> {
            if (settings.keepHistoriesInMemory()) {
                Thread reader = new Thread(
                        () -> {
                            try {
                                kept.current();
                            } catch (RuntimeException failed) {
                                log.warn(
                                        "Could not read the money histories at start; the first RFM request reads them",
                                        failed);
                            }
                        },
                        "money-histories-start");
                reader.setDaemon(true);
                reader.start();
            }
        };
    }
}
