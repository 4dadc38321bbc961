package dev.retention.persistence.revenue;

import static dev.retention.domain.event.EventType.PURCHASE;
import static dev.retention.domain.event.EventType.SUBSCRIPTION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.domain.revenue.CustomerSubscriptions;
import dev.retention.domain.revenue.SubscriptionHistories;
import dev.retention.persistence.support.AdapterTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** Each customer's subscription changes in the order they took effect, before the end, of one segment if asked. */
@SpringJUnitConfig({AdapterTest.Infrastructure.class, SubscriptionHistoryPersistenceAdapter.class})
class SubscriptionHistoryPersistenceAdapterTest extends AdapterTest {

    private static final Instant END = Instant.parse("2026-04-01T00:00:00Z");

    @Autowired
    private SubscriptionHistories histories;

    private List<CustomerSubscriptions> read(String segment) {
        List<CustomerSubscriptions> read = new ArrayList<>();
        histories.forEach(END, segment, read::add);
        return read;
    }

    @Test
    void changesComeInTheOrderTheyTookEffectAndOnlyBeforeTheEnd() {
        UUID ada = customer("crm-ada", "retail");
        money(ada, SUBSCRIPTION, "2026-02-01T00:00:00Z", "30");
        money(ada, SUBSCRIPTION, "2026-01-01T00:00:00Z", "20");
        money(ada, SUBSCRIPTION, "2026-03-01T00:00:00Z", "0");
        money(ada, SUBSCRIPTION, "2026-03-01T00:00:00Z", "25"); // same instant, recorded later: it counts
        money(ada, SUBSCRIPTION, "2026-04-01T00:00:00Z", "99"); // at the end: left out
        money(ada, PURCHASE, "2026-02-10T00:00:00Z", "500"); // a purchase is no subscription

        List<CustomerSubscriptions> read = read(null);

        assertThat(read).singleElement().satisfies(subscriptions -> {
            assertThat(subscriptions.customerId()).isEqualTo(ada);
            assertThat(subscriptions.segment()).isEqualTo("retail");
            assertThat(subscriptions.changes())
                    .extracting(change -> change.at() + " "
                            + change.monthlyAmount().stripTrailingZeros().toPlainString())
                    .containsExactly(
                            "2026-01-01T00:00:00Z 20",
                            "2026-02-01T00:00:00Z 30",
                            "2026-03-01T00:00:00Z 0",
                            "2026-03-01T00:00:00Z 25");
            assertThat(subscriptions.mrrAt(END)).isEqualByComparingTo("25");
        });
    }

    @Test
    void aSegmentKeepsOnlyItsCustomers() {
        UUID ada = customer("crm-ada", "retail");
        UUID bob = customer("crm-bob", "wholesale");
        UUID cy = customer("crm-cy", null);
        money(ada, SUBSCRIPTION, "2026-01-01T00:00:00Z", "20");
        money(bob, SUBSCRIPTION, "2026-01-01T00:00:00Z", "40");
        money(cy, SUBSCRIPTION, "2026-01-01T00:00:00Z", "60");

        assertThat(read("wholesale"))
                .extracting(CustomerSubscriptions::customerId)
                .containsExactly(bob);
        assertThat(read(null)).hasSize(3);
    }
}
