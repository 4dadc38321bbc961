package dev.retention.persistence.metrics;

import static dev.retention.domain.event.EventType.PURCHASE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.domain.event.EventType;
import dev.retention.domain.metrics.ChurnModel;
import dev.retention.domain.metrics.CustomerFilter;
import dev.retention.domain.metrics.CustomerLifecycles;
import dev.retention.domain.metrics.Lifecycle;
import dev.retention.domain.metrics.LifecycleQuery;
import dev.retention.persistence.support.AdapterTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * Lifecycles as the database hands them over, judged at four month starts against statuses worked out by hand: one
 * customer under INACTIVITY with a 30-day window, one under CONTRACTUAL with a churn and a comeback.
 */
@SpringJUnitConfig({
    AdapterTest.Infrastructure.class,
    CustomerLifecyclePersistenceAdapter.class,
    CustomerLifecyclePersistenceAdapterTest.Queries.class
})
class CustomerLifecyclePersistenceAdapterTest extends AdapterTest {

    static class Queries {
        @Bean
        ExecutorService metricsQueries() {
            return Executors.newFixedThreadPool(2);
        }
    }

    private static final List<Instant> MONTH_STARTS = List.of(
            Instant.parse("2026-02-01T00:00:00Z"),
            Instant.parse("2026-03-01T00:00:00Z"),
            Instant.parse("2026-04-01T00:00:00Z"),
            Instant.parse("2026-05-01T00:00:00Z"));

    @Autowired
    private CustomerLifecycles lifecycles;

    private void event(UUID customer, EventType type, String at) {
        jdbc.update(
                "insert into customer_event (id, customer_id, type, occurred_at, event_key, recorded_at) "
                        + "values (?, ?, ?, ?, ?, now())",
                UUID.randomUUID(),
                customer,
                type.name(),
                Timestamp.from(Instant.parse(at)),
                type + "-" + UUID.randomUUID());
    }

    /** Whether the customers are active at each boundary, counted over all the lifecycles handed over. */
    private List<Long> activeCounts(LifecycleQuery query) {
        long[] active = new long[MONTH_STARTS.size()];
        List<Lifecycle> seen = new ArrayList<>();
        lifecycles.forEach(query, (lifecycle, customers) -> {
            seen.add(lifecycle);
            for (int i = 0; i < MONTH_STARTS.size(); i++) {
                if (lifecycle.activeAt(MONTH_STARTS.get(i))) {
                    active[i] += customers;
                }
            }
        });
        assertThat(seen).isNotEmpty();
        return List.of(active[0], active[1], active[2], active[3]);
    }

    /*
     * Acquired 1 January, purchases on 20 January and 15 March, W = 30 days: active from 1 January until 30 days
     * after 20 January (19 February), and from 15 March until 14 April. At the month starts: yes, no, yes, no.
     */
    @Test
    void underInactivityACustomerIsActiveWithinTheWindowAfterItsAcquisitionOrItsLastPurchase() {
        UUID ada = customer("crm-ada", null);
        money(ada, PURCHASE, "2026-01-20T12:00:00Z", "10");
        money(ada, PURCHASE, "2026-03-15T12:00:00Z", "10");

        List<Long> active = activeCounts(new LifecycleQuery(
                ChurnModel.INACTIVITY, Set.of(PURCHASE), Duration.ofDays(30), CustomerFilter.ALL, MONTH_STARTS));

        assertThat(active).containsExactly(1L, 0L, 1L, 0L);
    }

    /*
     * With the window the service keeps spells for (90 days), read from the kept spells: acquired 1 January, one
     * purchase on 20 January, active until 20 April: yes, yes, yes, no.
     */
    @Test
    void underInactivityWithTheKeptWindowTheKeptSpellsGiveTheSameRule() {
        UUID ada = customer("crm-ada", null);
        money(ada, PURCHASE, "2026-01-20T12:00:00Z", "10");

        List<Long> active = activeCounts(new LifecycleQuery(
                ChurnModel.INACTIVITY, Set.of(PURCHASE), Duration.ofDays(90), CustomerFilter.ALL, MONTH_STARTS));

        assertThat(active).containsExactly(1L, 1L, 1L, 0L);
    }

    /* Acquired 1 January, churned 10 February, back 10 March, churned again 10 April: yes, no, yes, no. */
    @Test
    void underContractualACustomerIsActiveBetweenItsAcquisitionOrComebackAndItsChurn() {
        UUID bob = customer("crm-bob", "retail");
        customer("crm-cy", "wholesale");
        event(bob, EventType.CHURNED, "2026-02-10T12:00:00Z");
        event(bob, EventType.REACTIVATED, "2026-03-10T12:00:00Z");
        event(bob, EventType.CHURNED, "2026-04-10T12:00:00Z");

        List<Long> retail = activeCounts(new LifecycleQuery(
                ChurnModel.CONTRACTUAL,
                Set.of(PURCHASE),
                Duration.ofDays(90),
                new CustomerFilter("retail", null),
                MONTH_STARTS));
        List<Long> everyone = activeCounts(new LifecycleQuery(
                ChurnModel.CONTRACTUAL, Set.of(PURCHASE), Duration.ofDays(90), CustomerFilter.ALL, MONTH_STARTS));

        assertThat(retail).containsExactly(1L, 0L, 1L, 0L);
        assertThat(everyone).containsExactly(2L, 1L, 2L, 1L);
    }
}
