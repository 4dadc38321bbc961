package dev.retention.app.prediction;

import dev.retention.domain.prediction.ClvModels;
import dev.retention.domain.prediction.FitClvModel;
import dev.retention.domain.prediction.PurchaseSummaries;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wires model fitting: one background worker runs the queued fits one after another. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PredictionConfiguration {

    @Bean
    FitClvModel fitClvModel(ClvModels models, PurchaseSummaries summaries, Clock clock) {
        return new FitClvModel(models, summaries, clock);
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService clvModelFits() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "clv-model-fit");
            thread.setDaemon(true);
            return thread;
        });
    }
}
