package dev.retention.persistence.prediction;

import static dev.retention.domain.event.EventType.PURCHASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.retention.domain.prediction.ClvSettings;
import dev.retention.domain.prediction.CustomerSummary;
import dev.retention.domain.prediction.ModelTimeUnit;
import dev.retention.domain.prediction.PurchaseModelKind;
import dev.retention.domain.prediction.PurchaseSummaries;
import dev.retention.domain.prediction.PurchaseSummary;
import dev.retention.persistence.support.AdapterTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * Purchase summaries in weeks, worked out by hand, from both ways the adapter builds them: the kept rhythms (UTC, no
 * purchase after the calibration end) and the events (a purchase after the end, or another zone).
 */
@SpringJUnitConfig({AdapterTest.Infrastructure.class, PurchaseSummaryPersistenceAdapter.class})
class PurchaseSummaryPersistenceAdapterTest extends AdapterTest {

    private static final LocalDate END = LocalDate.parse("2026-02-11");
    private static final double WEEK = 7.0;

    @Autowired
    private PurchaseSummaries summaries;

    private UUID ada;
    private UUID bob;

    /*
     * Ada: 10 at 10:00 and 5 at 20:00 UTC on 1 January, 30 on 15 January, 20 on 29 January.
     * Bob: 15 on 1 February.
     */
    @BeforeEach
    void purchases() {
        ada = customer("crm-ada", "retail");
        bob = customer("crm-bob", "wholesale");
        money(ada, PURCHASE, "2026-01-01T10:00:00Z", "10");
        money(ada, PURCHASE, "2026-01-01T20:00:00Z", "5");
        money(ada, PURCHASE, "2026-01-15T12:00:00Z", "30");
        money(ada, PURCHASE, "2026-01-29T12:00:00Z", "20");
        money(bob, PURCHASE, "2026-02-01T12:00:00Z", "15");
    }

    private Map<UUID, PurchaseSummary> summarise(String zone, String segment) {
        return summaries
                .summarise(
                        new ClvSettings(END, ModelTimeUnit.WEEK, 12, new BigDecimal("0.01"), segment, ZoneId.of(zone)))
                .stream()
                .collect(Collectors.toMap(CustomerSummary::customerId, CustomerSummary::summary));
    }

    /** In UTC: Ada bought on 3 days (x = 2), 28 days apart (t_x = 4 weeks), 41 days before the end (T); 25 a day. */
    private void assertUtcSummaries(Map<UUID, PurchaseSummary> found) {
        assertThat(found).containsOnlyKeys(ada, bob);
        assertThat(found.get(ada).frequency()).isEqualTo(2);
        assertThat(found.get(ada).recency()).isCloseTo(4.0, within(1e-12));
        assertThat(found.get(ada).age()).isCloseTo(41 / WEEK, within(1e-12));
        assertThat(found.get(ada).averageRepeatSpend()).isEqualByComparingTo("25");
        assertThat(found.get(bob).frequency()).isZero();
        assertThat(found.get(bob).recency()).isZero();
        assertThat(found.get(bob).age()).isCloseTo(10 / WEEK, within(1e-12));
        assertThat(found.get(bob).averageRepeatSpend()).isEqualByComparingTo("0");
    }

    @Test
    void fromTheKeptRhythms() {
        assertUtcSummaries(summarise("UTC", null));
        assertThat(summarise("UTC", "wholesale")).containsOnlyKeys(bob);
    }

    @Test
    void fromTheEventsWhenAPurchaseFollowsTheEnd() {
        money(bob, PURCHASE, "2026-02-12T00:00:00Z", "99");
        money(customer("crm-cy", null), PURCHASE, "2026-02-12T00:00:00Z", "99");

        assertUtcSummaries(summarise("UTC", null));
    }

    /** In Kathmandu (UTC+05:45) Ada's 20:00 purchase falls on 2 January: 4 days, x = 3, (5 + 30 + 20) / 3 a day. */
    @Test
    void fromTheEventsInTheLocalDatesOfAnotherZone() {
        Map<UUID, PurchaseSummary> found = summarise("Asia/Kathmandu", "retail");

        assertThat(found).containsOnlyKeys(ada);
        assertThat(found.get(ada).frequency()).isEqualTo(3);
        assertThat(found.get(ada).recency()).isCloseTo(4.0, within(1e-12));
        assertThat(found.get(ada).age()).isCloseTo(41 / WEEK, within(1e-12));
        assertThat(found.get(ada).averageRepeatSpend()).isEqualByComparingTo("18.3333");
        assertThat(summarise("+05:45", "retail")).as("the same fixed offset").isEqualTo(found);
    }

    /**
     * Holding out 12 to 28 February: Ada buys twice at 23:30 UTC on 12 February and once on 28 February (three
     * purchases, two dates); Bob on 11 February at 23:30 UTC, the last minutes of the calibration (not held out),
     * and on 1 March (after the holdout). In Berlin (UTC+1) Ada's 12 February 23:30 UTC falls on 13 February, still
     * one date, and Bob's 11 February 23:30 UTC on 12 February: held out there.
     */
    @Test
    void theHoldoutCountsDistinctLocalPurchaseDatesBetweenTheCalibrationEndAndTheHoldoutEnd() {
        money(ada, PURCHASE, "2026-02-12T23:30:00Z", "7");
        money(ada, PURCHASE, "2026-02-12T23:40:00Z", "8");
        money(ada, PURCHASE, "2026-02-28T12:00:00Z", "9");
        money(bob, PURCHASE, "2026-02-11T23:30:00Z", "3");
        money(bob, PURCHASE, "2026-03-01T12:00:00Z", "4");

        Map<UUID, Integer> utc = summaries.holdoutPurchaseDates(holdout("UTC", null));
        Map<UUID, Integer> berlin = summaries.holdoutPurchaseDates(holdout("Europe/Berlin", null));
        Map<UUID, Integer> wholesale = summaries.holdoutPurchaseDates(holdout("Europe/Berlin", "wholesale"));

        assertThat(utc).containsExactlyInAnyOrderEntriesOf(Map.of(ada, 2));
        assertThat(berlin).containsExactlyInAnyOrderEntriesOf(Map.of(ada, 2, bob, 1));
        assertThat(wholesale).containsExactlyInAnyOrderEntriesOf(Map.of(bob, 1));
    }

    private static ClvSettings holdout(String zone, String segment) {
        return new ClvSettings(
                END,
                ModelTimeUnit.WEEK,
                12,
                new BigDecimal("0.01"),
                segment,
                ZoneId.of(zone),
                PurchaseModelKind.BG_NBD,
                LocalDate.parse("2026-02-28"));
    }
}
