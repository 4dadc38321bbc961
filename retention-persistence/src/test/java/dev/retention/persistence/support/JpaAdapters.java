package dev.retention.persistence.support;

import jakarta.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * JPA for the adapters that use it, on the adapter tests' database: an entity manager over the entities of one
 * package, and transactions that serve JPA and JDBC alike (replacing the JDBC-only ones of
 * {@link AdapterTest.Infrastructure}). Name it after the infrastructure in {@code @SpringJUnitConfig}, with a
 * {@code @EnableJpaRepositories} for the package.
 */
public abstract class JpaAdapters {

    protected abstract String entityPackage();

    @Bean
    LocalContainerEntityManagerFactoryBean entityManagerFactory(DataSource dataSource) {
        LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
        factory.setDataSource(dataSource);
        factory.setPackagesToScan(entityPackage());
        factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
        return factory;
    }

    @Bean
    PlatformTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
        return new JpaTransactionManager(entityManagerFactory);
    }
}
