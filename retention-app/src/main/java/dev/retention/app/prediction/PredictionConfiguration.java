package dev.retention.app.prediction;

import dev.retention.domain.customer.Customers;
import dev.retention.domain.prediction.ClvModels;
import dev.retention.domain.prediction.FitClvModel;
import dev.retention.domain.prediction.FitLease;
import dev.retention.domain.prediction.PurchaseSummaries;
import dev.retention.domain.prediction.ReadPredictions;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires model fitting: one background worker runs the queued fits one after another. */
@Configuration(proxyBeanMethods = false)
class PredictionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PredictionConfiguration.class);

    @Bean
    FitClvModel fitClvModel(
            ClvModels models, PurchaseSummaries summaries, Clock clock, ExecutorService clvModelFits, FitLease lease) {
        return new FitClvModel(models, summaries, clock, clvModelFits, lease);
    }

    /** How this instance holds the fits it runs: under its own name, for the configured lease. */
    @Bean
    FitLease fitLease(PredictionProperties properties) {
        return new FitLease(instanceName(), properties.fitLease());
    }

    /** Names this instance in the fits it holds: host, process and a random part, unique per start. */
    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "/" + ProcessHandle.current().pid() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    @Bean
    ReadPredictions readPredictions(ClvModels models, Customers customers) {
        return new ReadPredictions(models, customers);
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService clvModelFits() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "clv-model-fit");
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler(
                    (failed, unexpected) -> log.error("A model fit stopped unexpectedly", unexpected));
            return thread;
        });
    }
}
