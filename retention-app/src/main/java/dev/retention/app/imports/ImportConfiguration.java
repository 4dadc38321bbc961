package dev.retention.app.imports;

import dev.retention.domain.customer.RegisterCustomer;
import dev.retention.domain.event.RecordEvents;
import dev.retention.domain.imports.ImportFiles;
import dev.retention.domain.imports.ImportJobs;
import dev.retention.domain.imports.ManageImports;
import dev.retention.domain.imports.RunImport;
import dev.retention.domain.product.Products;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

    @Bean
    ImportFiles importFiles(ImportProperties properties) {
        return new DirectoryImportFiles(properties.dir());
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService importWorkers(ImportProperties properties) {
        return Executors.newFixedThreadPool(properties.workers(), task -> {
            Thread thread = new Thread(task, "csv-import");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService importStorers(ImportProperties properties) {
        return Executors.newFixedThreadPool(2 * properties.workers(), task -> {
            Thread thread = new Thread(task, "csv-import-store");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    RunImport runImport(
            ImportJobs jobs,
            ImportFiles files,
            RecordEvents recordEvents,
            Products products,
            RegisterCustomer registerCustomer,
            ExecutorService importStorers,
            Clock clock) {
        return new RunImport(jobs, files, recordEvents, products, registerCustomer, importStorers, clock);
    }

    @Bean
    ManageImports manageImports(
            ImportJobs jobs, ImportFiles files, RunImport runImport, ExecutorService importWorkers, Clock clock) {
        return new ManageImports(jobs, files, runImport, importWorkers, clock);
    }
}
