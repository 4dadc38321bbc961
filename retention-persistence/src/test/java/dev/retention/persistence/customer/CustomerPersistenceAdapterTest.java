package dev.retention.persistence.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.domain.customer.Customer;
import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.customer.CustomerQuery;
import dev.retention.domain.customer.Customers;
import dev.retention.domain.customer.NewCustomer;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import dev.retention.persistence.support.AdapterTest;
import dev.retention.persistence.support.JpaAdapters;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * Customers in the store: one per external id, changed only from the version read, listed in a stable order with
 * filters, found in bulk, and acquired at their first event unless the CRM said when.
 */
@SpringJUnitConfig({
    AdapterTest.Infrastructure.class,
    CustomerPersistenceAdapterTest.Jpa.class,
    CustomerPersistenceAdapter.class
})
class CustomerPersistenceAdapterTest extends AdapterTest {

    @EnableJpaRepositories(basePackageClasses = CustomerJpaRepository.class)
    static class Jpa extends JpaAdapters {
        @Override
        protected String entityPackage() {
            return CustomerEntity.class.getPackageName();
        }
    }

    private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");

    @Autowired
    private Customers customers;

    private static Customer customer(String externalId, String segment, Instant acquiredAt, Instant createdAt) {
        return Customer.register(
                CustomerId.of(UUID.randomUUID()),
                new NewCustomer(externalId, "Name of " + externalId, null, segment, acquiredAt, Map.of("tier", "a")),
                createdAt);
    }

    @Test
    void anExternalIdBelongsToOneCustomer() {
        Customer ada = customer("crm-1", "retail", null, NOW);

        assertThat(customers.add(ada)).isTrue();
        assertThat(customers.add(customer("crm-1", "wholesale", null, NOW))).isFalse();
        assertThat(customers.findByExternalId("crm-1")).map(Customer::id).contains(ada.id());
        assertThat(customers.findById(ada.id()).orElseThrow().attributes()).containsEntry("tier", "a");
    }

    @Test
    void aChangeIsStoredOnlyFromTheVersionReadAndAdvancesIt() {
        Customer ada = customer("crm-1", "retail", null, NOW);
        customers.add(ada);
        Customer read = customers.findById(ada.id()).orElseThrow();
        Customer moved = new Customer(
                read.id(),
                read.externalId(),
                read.name(),
                "ada@example.com",
                "wholesale",
                read.acquiredAt(),
                read.attributes(),
                read.createdAt(),
                NOW.plusSeconds(60),
                null,
                read.version());

        Customer stored = customers.update(moved).orElseThrow();

        assertThat(stored.version()).isEqualTo(read.version() + 1);
        assertThat(stored.segment()).isEqualTo("wholesale");
        assertThat(customers.update(moved)).isEmpty();
        assertThat(customers.findById(ada.id()).orElseThrow().email()).isEqualTo("ada@example.com");
    }

    @Test
    void theListIsInRegistrationOrderFilteredBySegmentAndAcquisition() {
        Customer first = customer("crm-1", "retail", Instant.parse("2026-01-10T00:00:00Z"), NOW);
        Customer second = customer("crm-2", "wholesale", Instant.parse("2026-02-10T00:00:00Z"), NOW.plusSeconds(1));
        Customer third = customer("crm-3", "retail", Instant.parse("2026-03-10T00:00:00Z"), NOW.plusSeconds(2));
        customers.addAll(List.of(third, first, second));

        Page<Customer> all = customers.search(CustomerQuery.all(), new PageRequest(0, 2));
        Page<Customer> retailFromFebruary = customers.search(
                new CustomerQuery(null, "retail", Instant.parse("2026-02-01T00:00:00Z"), null), new PageRequest(0, 10));
        Page<Customer> beforeMarch = customers.search(
                new CustomerQuery(null, null, null, Instant.parse("2026-03-10T00:00:00Z")), new PageRequest(0, 10));

        assertThat(all.items()).extracting(Customer::externalId).containsExactly("crm-1", "crm-2");
        assertThat(all.totalItems()).isEqualTo(3);
        assertThat(retailFromFebruary.items()).extracting(Customer::externalId).containsExactly("crm-3");
        assertThat(beforeMarch.items()).extracting(Customer::externalId).containsExactly("crm-1", "crm-2");
        assertThat(customers.findAllByExternalId(List.of("crm-2", "crm-9"))).containsOnlyKeys("crm-2");
        assertThat(customers.findAllById(List.of(first.id(), CustomerId.of(UUID.randomUUID()))))
                .containsOnlyKeys(first.id());
    }

    @Test
    void acquisitionMovesToTheEarliestEventOnlyWhenTheCrmDidNotGiveIt() {
        Customer unknown = customer("crm-1", null, null, NOW);
        Customer given = customer("crm-2", null, Instant.parse("2026-05-01T00:00:00Z"), NOW);
        customers.addAll(List.of(unknown, given));

        customers.moveAcquisitionEarlier(Map.of(
                unknown.id(), Instant.parse("2026-04-01T00:00:00Z"),
                given.id(), Instant.parse("2026-04-01T00:00:00Z")));
        customers.moveAcquisitionEarlier(Map.of(unknown.id(), Instant.parse("2026-04-15T00:00:00Z")));

        assertThat(customers.findById(unknown.id()).orElseThrow().acquiredAt())
                .isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
        assertThat(customers.findById(given.id()).orElseThrow().acquiredAt())
                .isEqualTo(Instant.parse("2026-05-01T00:00:00Z"));
    }
}
