package dev.retention.persistence.metrics;

import static dev.retention.domain.event.EventType.PURCHASE;
import static dev.retention.domain.event.EventType.REFUND;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.domain.metrics.CustomerFilter;
import dev.retention.domain.metrics.Granularity;
import dev.retention.domain.metrics.ReportingPeriods;
import dev.retention.domain.metrics.Revenues;
import dev.retention.persistence.support.AdapterTest;
import dev.retention.persistence.support.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * Revenue summed in the database per local month of Berlin, checked against sums worked out by hand: purchases less
 * refunds, each in the month of its local time, in total, per segment and per acquisition cohort.
 */
@SpringJUnitConfig({AdapterTest.Infrastructure.class, RevenuePersistenceAdapter.class})
class RevenuePersistenceAdapterTest extends AdapterTest {

    private static final ReportingPeriods FIRST_QUARTER = ReportingPeriods.between(
            LocalDate.parse("2026-01-01"),
            LocalDate.parse("2026-04-01"),
            Granularity.MONTH,
            ZoneId.of("Europe/Berlin"));

    @Autowired
    private Revenues revenues;

    /*
     *            January  February         March
     *   Ada               100 - 30 = 70    50      (retail, acquired in January)
     *   Bob      40                                (wholesale, acquired in January; 999 in April Berlin time)
     *   Cy                10                       (no segment, acquired in February)
     */
    @BeforeEach
    void histories() {
        UUID ada = TestDatabase.insertCustomer(jdbc, "crm-ada", "retail", Instant.parse("2026-01-10T09:00:00Z"));
        UUID bob = TestDatabase.insertCustomer(jdbc, "crm-bob", "wholesale", Instant.parse("2026-01-05T09:00:00Z"));
        UUID cy = TestDatabase.insertCustomer(jdbc, "crm-cy", null, Instant.parse("2026-02-15T09:00:00Z"));
        money(ada, PURCHASE, "2026-01-31T23:30:00Z", "100"); // 00:30 on 1 February in Berlin
        money(ada, REFUND, "2026-02-10T12:00:00Z", "30");
        money(ada, PURCHASE, "2026-03-05T12:00:00Z", "50");
        money(bob, PURCHASE, "2026-01-31T22:30:00Z", "40"); // 23:30 on 31 January in Berlin
        money(bob, PURCHASE, "2026-03-31T22:30:00Z", "999"); // 00:30 on 1 April in Berlin: after the range
        money(cy, PURCHASE, "2026-02-20T12:00:00Z", "10");
    }

    private static List<BigDecimal> amounts(String... values) {
        return List.of(values).stream().map(BigDecimal::new).toList();
    }

    @Test
    void theTotalOfEachMonthNetsRefundsAndFollowsLocalTime() {
        assertThat(revenues.total(FIRST_QUARTER, CustomerFilter.ALL))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactlyElementsOf(amounts("40", "80", "50"));
        assertThat(revenues.total(FIRST_QUARTER, new CustomerFilter("retail", null)))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactlyElementsOf(amounts("0", "70", "50"));
    }

    @Test
    void perSegmentCustomersWithoutOneHaveTheNullKey() {
        Map<String, List<BigDecimal>> perSegment = revenues.perPeriod(FIRST_QUARTER, CustomerFilter.ALL);

        assertThat(perSegment.get("retail"))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactlyElementsOf(amounts("0", "70", "50"));
        assertThat(perSegment.get("wholesale"))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactlyElementsOf(amounts("40", "0", "0"));
        assertThat(perSegment.get(null))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactlyElementsOf(amounts("0", "10", "0"));
    }

    @Test
    void perCohortTheRevenueOfTheCustomersAcquiredInEachMonth() {
        Map<Integer, List<BigDecimal>> perCohort = revenues.perCohortAndPeriod(FIRST_QUARTER, CustomerFilter.ALL);

        assertThat(perCohort.get(0))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactlyElementsOf(amounts("40", "70", "50"));
        assertThat(perCohort.get(1))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactlyElementsOf(amounts("0", "10", "0"));
        assertThat(perCohort.getOrDefault(2, amounts("0", "0", "0")))
                .usingElementComparator(BigDecimal::compareTo)
                .containsOnly(BigDecimal.ZERO);
    }
}
