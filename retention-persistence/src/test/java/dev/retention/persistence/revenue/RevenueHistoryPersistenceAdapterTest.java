package dev.retention.persistence.revenue;

import static dev.retention.domain.event.EventType.PURCHASE;
import static dev.retention.domain.event.EventType.REFUND;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.domain.metrics.Granularity;
import dev.retention.domain.revenue.CustomerRevenueHistory;
import dev.retention.domain.revenue.RevenueHistories;
import dev.retention.persistence.support.AdapterTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * Each customer's net revenue per period of the reporting zone, and whether it had positive revenue before the
 * periods asked for, worked out by hand; a fixed offset gives what the region with that offset gives.
 */
@SpringJUnitConfig({AdapterTest.Infrastructure.class, RevenueHistoryPersistenceAdapter.class})
class RevenueHistoryPersistenceAdapterTest extends AdapterTest {

    private static final Instant END = Instant.parse("2026-04-01T00:00:00Z");

    @Autowired
    private RevenueHistories histories;

    private UUID ada;
    private UUID bob;
    private UUID cy;

    /*
     * Ada (retail): 100 in November 2025 (before the periods), 30 at 20:00 UTC on 31 January, which is 1 February
     *               in Kathmandu (UTC+05:45), 50 in March less a refund of 70.
     * Bob (wholesale): 40 in November 2025 refunded in full the same month; 10 in February.
     * Cy (retail): only 90 in October 2025: no revenue in the periods, so not handed over.
     */
    @BeforeEach
    void histories() {
        ada = customer("crm-ada", "retail");
        bob = customer("crm-bob", "wholesale");
        cy = customer("crm-cy", "retail");
        money(ada, PURCHASE, "2025-11-10T12:00:00Z", "100");
        money(ada, PURCHASE, "2026-01-31T20:00:00Z", "30");
        money(ada, PURCHASE, "2026-03-05T12:00:00Z", "50");
        money(ada, REFUND, "2026-03-06T12:00:00Z", "70");
        money(bob, PURCHASE, "2025-11-10T12:00:00Z", "40");
        money(bob, REFUND, "2025-11-11T12:00:00Z", "40");
        money(bob, PURCHASE, "2026-02-10T12:00:00Z", "10");
        money(cy, PURCHASE, "2025-10-10T12:00:00Z", "90");
        money(ada, PURCHASE, "2026-04-01T00:00:00Z", "999"); // at the end: left out
    }

    private Map<UUID, CustomerRevenueHistory> read(String zone, String segment) {
        Map<UUID, CustomerRevenueHistory> found = new HashMap<>();
        histories.forEach(
                new RevenueHistories.Query(
                        Granularity.MONTH, ZoneId.of(zone), LocalDate.parse("2025-12-01"), END, segment),
                history -> assertThat(found.put(history.customerId(), history)).isNull());
        return found;
    }

    private static Map<LocalDate, BigDecimal> months(String... monthsAndAmounts) {
        Map<LocalDate, BigDecimal> months = new HashMap<>();
        for (int i = 0; i < monthsAndAmounts.length; i += 2) {
            months.put(LocalDate.parse(monthsAndAmounts[i] + "-01"), new BigDecimal(monthsAndAmounts[i + 1]));
        }
        return months;
    }

    private static void assertRevenue(CustomerRevenueHistory history, Map<LocalDate, BigDecimal> expected) {
        assertThat(history.revenueByPeriod()).containsOnlyKeys(expected.keySet());
        expected.forEach((month, amount) -> assertThat(history.revenue(month)).isEqualByComparingTo(amount));
    }

    @Test
    void revenueIsNettedPerLocalMonthWithWhatCameBefore() {
        Map<UUID, CustomerRevenueHistory> utc = read("UTC", null);

        assertThat(utc).containsOnlyKeys(ada, bob);
        assertRevenue(utc.get(ada), months("2026-01", "30", "2026-03", "-20"));
        assertThat(utc.get(ada).segment()).isEqualTo("retail");
        assertThat(utc.get(bob).segment()).isEqualTo("wholesale");
        assertThat(utc.get(ada).positiveBefore()).isTrue();
        assertRevenue(utc.get(bob), months("2026-02", "10"));
        assertThat(utc.get(bob).positiveBefore()).as("November netted to zero").isFalse();
    }

    @Test
    void inKathmanduTheEveningOf31JanuaryIsFebruaryAndAFixedOffsetAgrees() {
        Map<UUID, CustomerRevenueHistory> kathmandu = read("Asia/Kathmandu", "retail");
        Map<UUID, CustomerRevenueHistory> offset = read("+05:45", "retail");

        assertThat(kathmandu).containsOnlyKeys(ada);
        assertRevenue(kathmandu.get(ada), months("2026-02", "30", "2026-03", "-20"));
        assertThat(offset).containsOnlyKeys(ada);
        assertRevenue(offset.get(ada), months("2026-02", "30", "2026-03", "-20"));
    }
}
