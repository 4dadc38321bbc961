package dev.retention.persistence.rfm;

import static dev.retention.domain.event.EventType.PURCHASE;
import static dev.retention.domain.event.EventType.REFUND;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.rfm.RfmCell;
import dev.retention.domain.rfm.RfmGrid;
import dev.retention.domain.rfm.RfmQuery;
import dev.retention.domain.rfm.RfmScore;
import dev.retention.domain.rfm.RfmScores;
import dev.retention.domain.rfm.RfmSegment;
import dev.retention.domain.rfm.RfmSegmentSummary;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import dev.retention.persistence.support.AdapterTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * RFM scores computed in one statement, checked against scores worked out by hand: the window (asOf - 30 days,
 * asOf], refunds netted, quintiles with ties broken by customer id, and the segment table.
 */
@SpringJUnitConfig({AdapterTest.Infrastructure.class, RfmPersistenceAdapter.class})
class RfmPersistenceAdapterTest extends AdapterTest {

    private static final RfmQuery JUNE = new RfmQuery(Instant.parse("2026-07-01T00:00:00Z"), 30);
    // Ids in ascending order, so that ties go to the lower id.
    private static final UUID C1 = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID C2 = UUID.fromString("00000000-0000-4000-8000-000000000002");
    private static final UUID C3 = UUID.fromString("00000000-0000-4000-8000-000000000003");
    private static final UUID C4 = UUID.fromString("00000000-0000-4000-8000-000000000004");
    private static final UUID C5 = UUID.fromString("00000000-0000-4000-8000-000000000005");
    private static final UUID C6 = UUID.fromString("00000000-0000-4000-8000-000000000006");

    @Autowired
    private RfmScores scores;

    /*
     * In the window:            last purchase  F  M     R  F  M  segment (R, F)
     *   C1 10 + 10 + 10          06-30         3  30    4  5  3  Loyal Customers
     *   C2 100, refund 40        06-20         1  60    2  1  4  Hibernating (F tie with C3: lower id first)
     *   C3 5 (a purchase exactly at the window's start does not count)
     *                            06-15         1  5     1  2  1  Hibernating
     *   C4 1, and 20 exactly at asOf
     *                            07-01         2  21    5  3  2  Potential Loyalists (F tie with C6)
     *   C5 only before the window: not scored
     *   C6 50 + 50               06-26         2  100   3  4  5  Loyal Customers
     */
    @BeforeEach
    void histories() {
        for (UUID id : List.of(C1, C2, C3, C4, C5, C6)) {
            customer(id, "crm-" + id.toString().substring(35), null);
        }
        money(C1, PURCHASE, "2026-06-05T10:00:00Z", "10");
        money(C1, PURCHASE, "2026-06-10T10:00:00Z", "10");
        money(C1, PURCHASE, "2026-06-30T10:00:00Z", "10");
        money(C2, PURCHASE, "2026-06-20T10:00:00Z", "100");
        money(C2, REFUND, "2026-06-21T10:00:00Z", "40");
        money(C3, PURCHASE, "2026-06-01T00:00:00Z", "1000");
        money(C3, PURCHASE, "2026-06-15T10:00:00Z", "5");
        money(C4, PURCHASE, "2026-06-02T10:00:00Z", "1");
        money(C4, PURCHASE, "2026-07-01T00:00:00Z", "20");
        money(C5, PURCHASE, "2026-05-20T10:00:00Z", "70");
        money(C6, PURCHASE, "2026-06-25T10:00:00Z", "50");
        money(C6, PURCHASE, "2026-06-26T10:00:00Z", "50");
    }

    @Test
    void eachCustomerIsScoredAsWorkedOutByHand() {
        Map<UUID, RfmScore> scored = List.of(C1, C2, C3, C4, C6).stream()
                .map(id -> scores.of(JUNE, CustomerId.of(id)).orElseThrow())
                .collect(Collectors.toMap(RfmScore::customerId, Function.identity()));

        assertThat(List.of(C1, C2, C3, C4, C6))
                .extracting(id -> List.of(
                        scored.get(id).recencyScore(),
                        scored.get(id).frequencyScore(),
                        scored.get(id).monetaryScore()))
                .containsExactly(
                        List.of(4, 5, 3), List.of(2, 1, 4), List.of(1, 2, 1), List.of(5, 3, 2), List.of(3, 4, 5));
        assertThat(List.of(C1, C2, C3, C4, C6))
                .extracting(id -> scored.get(id).segment())
                .containsExactly(
                        RfmSegment.LOYAL_CUSTOMERS,
                        RfmSegment.HIBERNATING,
                        RfmSegment.HIBERNATING,
                        RfmSegment.POTENTIAL_LOYALISTS,
                        RfmSegment.LOYAL_CUSTOMERS);
        assertThat(scored.get(C2).monetary()).isEqualByComparingTo("60");
        assertThat(scored.get(C3).frequency()).isEqualTo(1);
        assertThat(scored.get(C4).lastPurchaseAt()).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
        assertThat(scored.get(C3).recencyDays()).isEqualTo(15);
        assertThat(scores.of(JUNE, CustomerId.of(C5))).isEmpty();
    }

    @Test
    void theSummaryHasEverySegmentWithItsCustomersRevenueAndAverageScores() {
        RfmGrid grid = RfmGrid.of(scores.cells(JUNE));
        Map<RfmSegment, RfmSegmentSummary> summary =
                grid.segments().stream().collect(Collectors.toMap(RfmSegmentSummary::segment, Function.identity()));

        assertThat(summary).hasSize(RfmSegment.values().length);
        RfmSegmentSummary loyal = summary.get(RfmSegment.LOYAL_CUSTOMERS);
        assertThat(loyal.customers()).isEqualTo(2);
        assertThat(loyal.revenue()).isEqualByComparingTo("130");
        assertThat(loyal.averageRecency()).isEqualByComparingTo("3.5");
        assertThat(loyal.averageFrequency()).isEqualByComparingTo("4.5");
        assertThat(loyal.averageMonetary()).isEqualByComparingTo("4");
        assertThat(summary.get(RfmSegment.HIBERNATING).revenue()).isEqualByComparingTo("65");
        assertThat(summary.get(RfmSegment.POTENTIAL_LOYALISTS).customers()).isEqualTo(1);
        assertThat(summary.get(RfmSegment.CHAMPIONS).customers()).isZero();
        assertThat(summary.get(RfmSegment.CHAMPIONS).revenue()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(grid.cells()).hasSize(25);
        assertThat(grid.cells().stream().mapToLong(RfmCell::customers).sum())
                .isEqualTo(summary.values().stream()
                        .mapToLong(RfmSegmentSummary::customers)
                        .sum());
    }

    @Test
    void aSegmentsMembersComeMostRecentPurchaseFirstPageByPage() {
        Page<RfmScore> first = scores.members(JUNE, RfmSegment.LOYAL_CUSTOMERS, new PageRequest(0, 1));
        Page<RfmScore> second = scores.members(JUNE, RfmSegment.LOYAL_CUSTOMERS, new PageRequest(1, 1));

        assertThat(first.items()).extracting(RfmScore::customerId).containsExactly(C1);
        assertThat(second.items()).extracting(RfmScore::customerId).containsExactly(C6);
        assertThat(first.totalItems()).isEqualTo(2);
        assertThat(second.totalItems()).isEqualTo(2);
        Page<RfmScore> pastTheEnd = scores.members(JUNE, RfmSegment.LOYAL_CUSTOMERS, new PageRequest(5, 1));
        assertThat(pastTheEnd.items()).isEmpty();
        assertThat(pastTheEnd.totalItems()).as("the size, also past the end").isEqualTo(2);
        assertThat(scores.members(JUNE, RfmSegment.CHAMPIONS, new PageRequest(0, 10))
                        .totalItems())
                .isZero();
        assertThat(scores.customerIds(JUNE, Set.of(RfmSegment.HIBERNATING, RfmSegment.POTENTIAL_LOYALISTS)))
                .containsExactlyInAnyOrder(C2, C3, C4);
    }
}
