package dev.retention.persistence.risk;

import static dev.retention.domain.event.EventType.PURCHASE;
import static dev.retention.domain.event.EventType.REFUND;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.domain.risk.AtRiskCustomer;
import dev.retention.domain.risk.AtRiskCustomers;
import dev.retention.domain.risk.AtRiskQuery;
import dev.retention.domain.risk.KeptPurchaseRhythms;
import dev.retention.persistence.support.AdapterTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * The at-risk list as of 1 July from the kept purchase rhythms, worked out by hand: thresholds from each buyer's own
 * rhythm or its segment's, churned and erased customers left out, ordered by the value of the last 12 months.
 */
@SpringJUnitConfig({
    AdapterTest.Infrastructure.class,
    AtRiskPersistenceAdapter.class,
    KeptPurchaseRhythmsPersistenceAdapter.class
})
class AtRiskPersistenceAdapterTest extends AdapterTest {

    private static final Instant JULY = Instant.parse("2026-07-01T00:00:00Z");

    @Autowired
    private AtRiskCustomers atRisk;

    @Autowired
    private KeptPurchaseRhythms rhythms;

    private UUID ada;
    private UUID cy;

    private void purchases(UUID customer, String... days) {
        for (String day : days) {
            money(customer, PURCHASE, day + "T00:00:00Z", "100");
        }
    }

    /*
     * Ada: 1, 11, 21 January and 10 February; gaps 10, 10, 20, median 10, threshold 20 days; 141 days since; value
     *      400 - 50 refunded = 350.                                                              -> at risk
     * Bob: 1, 11, 21 June; threshold 20 days; 10 days since.                                     -> not at risk
     * Cy:  one purchase on 1 April (91 days); retail's first gaps are 10 and 10, so its threshold is 10 days; value 30.
     *                                                                                            -> at risk
     * Dan: like Ada, but churned on 1 May.                                                       -> left out
     * Eve: like Ada, but erased.                                                                 -> left out
     */
    @BeforeEach
    void histories() {
        ada = customer("crm-ada", "retail");
        UUID bob = customer("crm-bob", "retail");
        cy = customer("crm-cy", "retail");
        UUID dan = customer("crm-dan", "retail");
        UUID eve = customer("crm-eve", "retail");
        purchases(ada, "2026-01-01", "2026-01-11", "2026-01-21", "2026-02-10");
        money(ada, REFUND, "2026-03-01T00:00:00Z", "50");
        purchases(bob, "2026-06-01", "2026-06-11", "2026-06-21");
        money(cy, PURCHASE, "2026-04-01T00:00:00Z", "30");
        purchases(dan, "2026-01-01", "2026-01-11", "2026-01-21", "2026-02-10");
        jdbc.update(
                "insert into customer_event (id, customer_id, type, occurred_at, event_key, recorded_at) "
                        + "values (?, ?, 'CHURNED', ?, 'churn', now())",
                UUID.randomUUID(),
                dan,
                Timestamp.from(Instant.parse("2026-05-01T00:00:00Z")));
        purchases(eve, "2026-01-01", "2026-01-11", "2026-01-21", "2026-02-10");
        jdbc.update("update customer set erased_at = now() where id = ?", eve);
    }

    @Test
    void theListHoldsWhoOutstayedTheirRhythmHighestValueFirst() {
        List<AtRiskCustomer> list = atRisk.find(new AtRiskQuery(JULY, 10));

        assertThat(list).extracting(AtRiskCustomer::customerId).containsExactly(ada, cy);
        AtRiskCustomer first = list.get(0);
        assertThat(first.valueAtRisk()).isEqualByComparingTo("350");
        assertThat(first.purchaseDays()).isEqualTo(4);
        assertThat(first.medianGapDays()).isEqualTo(10.0);
        assertThat(first.thresholdDays()).isEqualTo(20.0);
        assertThat(first.daysSinceLastPurchase()).isEqualTo(141.0);
        AtRiskCustomer second = list.get(1);
        assertThat(second.oneTimeBuyer()).isTrue();
        assertThat(second.thresholdDays()).isEqualTo(10.0);
        assertThat(second.thresholdSource()).isEqualTo("retail");
        assertThat(second.valueAtRisk()).isEqualByComparingTo("30");
    }

    @Test
    void theLimitCutsTheListAndARebuildOfTheRhythmsChangesNothing() {
        long buyers = rhythms.rebuild();

        assertThat(buyers).isEqualTo(5);
        assertThat(atRisk.find(new AtRiskQuery(JULY, 1)))
                .extracting(AtRiskCustomer::customerId)
                .containsExactly(ada);
        assertThat(atRisk.find(new AtRiskQuery(JULY, 10)))
                .extracting(AtRiskCustomer::customerId)
                .containsExactly(ada, cy);
    }
}
