package dev.retention.app;

import dev.retention.domain.customer.ChangeCustomer;
import dev.retention.domain.customer.Customers;
import dev.retention.domain.customer.EraseCustomer;
import dev.retention.domain.customer.FindCustomers;
import dev.retention.domain.customer.RegisterCustomer;
import dev.retention.domain.event.CurrencyConversion;
import dev.retention.domain.event.CustomerEvents;
import dev.retention.domain.event.EventRules;
import dev.retention.domain.event.ReadEventHistory;
import dev.retention.domain.event.RecordEvents;
import dev.retention.domain.feedback.Feedbacks;
import dev.retention.domain.feedback.RecordFeedback;
import dev.retention.domain.feedback.ReportFeedback;
import dev.retention.domain.forecast.ForecastRetention;
import dev.retention.domain.fx.ExchangeRates;
import dev.retention.domain.fx.ManageExchangeRates;
import dev.retention.domain.loyalty.EarnPoints;
import dev.retention.domain.metrics.ComputeCohorts;
import dev.retention.domain.metrics.ComputeRetention;
import dev.retention.domain.metrics.CustomerLifecycles;
import dev.retention.domain.metrics.Revenues;
import dev.retention.domain.recommendation.RecommendForCustomers;
import dev.retention.domain.revenue.ComputeMrrRetention;
import dev.retention.domain.revenue.ComputeRevenueRetention;
import dev.retention.domain.revenue.RevenueHistories;
import dev.retention.domain.revenue.SubscriptionHistories;
import dev.retention.domain.rfm.RfmScores;
import dev.retention.domain.rfm.SegmentByRfm;
import dev.retention.domain.risk.AtRiskCustomers;
import dev.retention.domain.risk.ListAtRiskCustomers;
import dev.retention.domain.security.ApiKeys;
import dev.retention.domain.security.AuditLog;
import dev.retention.domain.security.AuthenticateApiKey;
import dev.retention.domain.security.FindApiKeys;
import dev.retention.domain.security.IssueApiKey;
import dev.retention.domain.security.ReadAuditLog;
import dev.retention.domain.security.RevokeApiKey;
import dev.retention.domain.shared.UnitOfWork;
import dev.retention.domain.strategy.ManageStrategies;
import dev.retention.domain.strategy.Strategies;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

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
        return new SpringUnitOfWork(transactionManager);
    }

    @Bean
    EventRules eventRules(RetentionProperties properties) {
        return new EventRules(properties.currency());
    }

    @Bean
    CurrencyConversion currencyConversion(ExchangeRates rates, RetentionProperties properties) {
        return new CurrencyConversion(rates, properties.currency());
    }

    @Bean
    ManageExchangeRates manageExchangeRates(ExchangeRates rates, RetentionProperties properties) {
        return new ManageExchangeRates(rates, properties.currency());
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
    EraseCustomer eraseCustomer(Customers customers, AuditLog audit, UnitOfWork unitOfWork, Clock clock) {
        return new EraseCustomer(customers, audit, unitOfWork, clock);
    }

    @Bean
    IssueApiKey issueApiKey(ApiKeys keys, AuditLog audit, UnitOfWork unitOfWork, Clock clock) {
        return new IssueApiKey(keys, audit, unitOfWork, clock, new SecureRandom());
    }

    @Bean
    RevokeApiKey revokeApiKey(ApiKeys keys, AuditLog audit, UnitOfWork unitOfWork, Clock clock) {
        return new RevokeApiKey(keys, audit, unitOfWork, clock);
    }

    @Bean
    ComputeRetention computeRetention(
            CustomerLifecycles lifecycles, Revenues revenues, Clock clock, ExecutorService metricsQueries) {
        return new ComputeRetention(lifecycles, revenues, clock, metricsQueries);
    }

    /** Runs the revenue half of a metrics computation beside the lifecycle half. */
    @Bean(destroyMethod = "shutdown")
    ExecutorService metricsQueries() {
        AtomicInteger threads = new AtomicInteger();
        return Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "metrics-query-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    ComputeRevenueRetention computeRevenueRetention(RevenueHistories histories) {
        return new ComputeRevenueRetention(histories);
    }

    @Bean
    ForecastRetention forecastRetention(CustomerLifecycles lifecycles) {
        return new ForecastRetention(lifecycles);
    }

    @Bean
    ComputeMrrRetention computeMrrRetention(SubscriptionHistories histories) {
        return new ComputeMrrRetention(histories);
    }

    @Bean
    ComputeCohorts computeCohorts(CustomerLifecycles lifecycles, Revenues revenues, ExecutorService metricsQueries) {
        return new ComputeCohorts(lifecycles, revenues, metricsQueries);
    }

    @Bean
    RecordFeedback recordFeedback(
            Customers customers,
            RecordEvents recordEvents,
            Feedbacks feedbacks,
            Strategies strategies,
            UnitOfWork unitOfWork,
            Clock clock) {
        return new RecordFeedback(customers, recordEvents, feedbacks, strategies, unitOfWork, clock);
    }

    @Bean
    ReportFeedback reportFeedback(Feedbacks feedbacks) {
        return new ReportFeedback(feedbacks);
    }

    @Bean
    FindCustomers findCustomers(Customers customers) {
        return new FindCustomers(customers);
    }

    @Bean
    ReadEventHistory readEventHistory(Customers customers, CustomerEvents events) {
        return new ReadEventHistory(customers, events);
    }

    @Bean
    SegmentByRfm segmentByRfm(RfmScores scores, Customers customers) {
        return new SegmentByRfm(scores, customers);
    }

    @Bean
    ListAtRiskCustomers listAtRiskCustomers(AtRiskCustomers atRisk) {
        return new ListAtRiskCustomers(atRisk);
    }

    @Bean
    FindApiKeys findApiKeys(ApiKeys keys) {
        return new FindApiKeys(keys);
    }

    @Bean
    ReadAuditLog readAuditLog(AuditLog audit) {
        return new ReadAuditLog(audit);
    }

    @Bean
    ManageStrategies manageStrategies(
            Strategies strategies,
            RfmScores rfm,
            AtRiskCustomers atRisk,
            RecommendForCustomers recommendForCustomers,
            UnitOfWork unitOfWork,
            Clock clock) {
        return new ManageStrategies(strategies, rfm, atRisk, recommendForCustomers, unitOfWork, clock);
    }

    @Bean
    AuthenticateApiKey authenticateApiKey(ApiKeys keys, Clock clock) {
        return new AuthenticateApiKey(keys, clock);
    }

    @Bean
    RecordEvents recordEvents(
            Customers customers,
            CustomerEvents events,
            EventRules rules,
            CurrencyConversion conversion,
            UnitOfWork unitOfWork,
            Clock clock,
            EarnPoints earnPoints) {
        return new RecordEvents(customers, events, rules, conversion, unitOfWork, clock, earnPoints);
    }
}
