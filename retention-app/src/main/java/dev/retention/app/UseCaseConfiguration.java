package dev.retention.app;

import dev.retention.domain.customer.ChangeCustomer;
import dev.retention.domain.customer.Customers;
import dev.retention.domain.customer.EraseCustomer;
import dev.retention.domain.customer.RegisterCustomer;
import dev.retention.domain.event.CustomerEvents;
import dev.retention.domain.event.EventRules;
import dev.retention.domain.event.RecordEvents;
import dev.retention.domain.shared.UnitOfWork;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the domain's plain use-case classes to their persistence adapters. */
@Configuration(proxyBeanMethods = false)
class UseCaseConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    UnitOfWork unitOfWork(PlatformTransactionManager transactionManager) {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        return new UnitOfWork() {
            @Override
            public <T> T inTransaction(java.util.function.Supplier<T> work) {
                return template.execute(status -> work.get());
            }
        };
    }

    @Bean
    EventRules eventRules(RetentionProperties properties) {
        return new EventRules(properties.currency());
    }

    @Bean
    RegisterCustomer registerCustomer(Customers customers, Clock clock) {
        return new RegisterCustomer(customers, clock);
    }

    @Bean
    ChangeCustomer changeCustomer(Customers customers, Clock clock) {
        return new ChangeCustomer(customers, clock);
    }

    @Bean
    EraseCustomer eraseCustomer(Customers customers, Clock clock) {
        return new EraseCustomer(customers, clock);
    }

    @Bean
    RecordEvents recordEvents(Customers customers, CustomerEvents events, EventRules rules, UnitOfWork unitOfWork,
            Clock clock) {
        return new RecordEvents(customers, events, rules, unitOfWork, clock);
    }
}
