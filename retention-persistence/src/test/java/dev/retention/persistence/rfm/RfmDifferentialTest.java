package dev.retention.persistence.rfm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.rfm.RfmBook;
import dev.retention.domain.rfm.RfmCell;
import dev.retention.domain.rfm.RfmFigures;
import dev.retention.domain.rfm.RfmFigures.Money;
import dev.retention.domain.rfm.RfmQuery;
import dev.retention.domain.rfm.RfmRanking;
import dev.retention.domain.rfm.RfmScore;
import dev.retention.domain.rfm.RfmScores;
import dev.retention.domain.rfm.RfmSegment;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import dev.retention.domain.shared.StoredIdOrder;
import dev.retention.persistence.support.AdapterTest;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * The database restates the RFM rule ({@link RfmFigures}, {@link RfmRanking}) in one statement that ranks the
 * customers without sorting them all, and the kept money histories restate how figures come from events (taking in
 * each batch as it is stored). For seeded random histories built to tie (a few amounts and instants shared by
 * many customers, purchases at one instant, zero amounts, refunds before any purchase and customers with refunds
 * only, batches out of order) every grid, segment page, customer and id list must equal the domain's rule applied to
 * the histories, for windows whose ends fall on event instants and between them.
 */
@SpringJUnitConfig({AdapterTest.Infrastructure.class, RfmPersistenceAdapter.class, MoneyHistoryPersistenceAdapter.class
})
class RfmDifferentialTest extends AdapterTest {

    private static final Instant EARLIEST = Instant.parse("2025-06-01T00:00:00Z");
    private static final int SPAN_HOURS = 24 * 400;
    private static final List<String> AMOUNTS = List.of("0", "9.99", "10", "10", "25.5", "49.9900", "120", "0.0001");

    @Autowired
    private RfmScores statement;

    @Autowired
    private MoneyHistoryPersistenceAdapter kept;

    private RfmScores scores;

    private final Random random = new Random(20261130);
    private final Map<UUID, List<Money>> moneyOf = new LinkedHashMap<>();
    private final List<Instant> instants = new ArrayList<>();

    @Test
    void theRankingStatementAgreesWithTheDomainsRule() {
        storeRandomHistories();
        scores = statement;

        for (RfmQuery query : queries()) {
            assertScoredAsTheRuleSays(query);
        }
    }

    @Test
    void theKeptHistoriesTakingInEachBatchAgreeWithTheDomainsRule() {
        kept.current();
        storeRandomHistories();
        scores = new RfmBook(kept, null);

        for (RfmQuery query : queries()) {
            assertScoredAsTheRuleSays(query);
        }
    }

    private void storeRandomHistories() {
        List<Object[]> events = randomHistories(400);
        Collections.shuffle(events, random);
        for (int from = 0; from < events.size(); ) {
            int to = Math.min(events.size(), from + 1 + random.nextInt(120));
            insert(events.subList(from, to));
            // The histories are brought up to date between some batches, as requests would.
            if (random.nextBoolean()) {
                kept.current();
            }
            from = to;
        }
    }

    private List<Object[]> randomHistories(int customers) {
        // A small pool of instants, many shared, so that last purchases tie across customers and within one.
        for (int i = 0; i < 160; i++) {
            Instant at = EARLIEST.plus(random.nextInt(SPAN_HOURS), ChronoUnit.HOURS);
            instants.add(random.nextBoolean() ? at : at.plusMillis(random.nextInt(3_600_000)));
        }
        List<Object[]> events = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            UUID id = UUID.randomUUID();
            customer(id, "crm-" + c, null);
            List<Money> money = new ArrayList<>();
            int purchases = random.nextInt(10) == 0 ? 0 : random.nextInt(random.nextBoolean() ? 3 : 12);
            int refunds = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0;
            for (int p = 0; p < purchases + refunds; p++) {
                Instant at = instants.get(random.nextInt(instants.size()));
                boolean refund = p >= purchases;
                // Free purchases exist; a refund returns something.
                BigDecimal amount = new BigDecimal(
                        AMOUNTS.get(refund ? 1 + random.nextInt(AMOUNTS.size() - 1) : random.nextInt(AMOUNTS.size())));
                money.add(new Money(refund, at, amount));
                if (p < purchases && random.nextInt(8) == 0) {
                    money.add(new Money(false, at, amount)); // a second purchase at the same instant
                }
            }
            if (money.isEmpty()) {
                continue;
            }
            moneyOf.put(id, money);
            for (Money m : money) {
                events.add(new Object[] {id, m});
            }
        }
        return events;
    }

    private void insert(List<Object[]> batch) {
        List<UUID> ids = new ArrayList<>();
        List<UUID> customers = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<Timestamp> at = new ArrayList<>();
        List<BigDecimal> amounts = new ArrayList<>();
        for (Object[] event : batch) {
            Money money = (Money) event[1];
            ids.add(UUID.randomUUID());
            customers.add((UUID) event[0]);
            types.add(money.refund() ? "REFUND" : "PURCHASE");
            at.add(Timestamp.from(money.at()));
            amounts.add(money.amount());
        }
        // One statement per batch, as an import stores them.
        jdbc.update(
                "insert into customer_event (id, customer_id, type, occurred_at, amount, currency, event_key, "
                        + "recorded_at) select e.id, e.customer_id, e.type, e.occurred_at, e.amount, 'EUR', "
                        + "e.type || '-' || e.id, now() from unnest(?::uuid[], ?::uuid[], ?::text[], "
                        + "?::timestamptz[], ?::numeric[]) as e(id, customer_id, type, occurred_at, amount)",
                ids.toArray(UUID[]::new),
                customers.toArray(UUID[]::new),
                types.toArray(String[]::new),
                at.toArray(Timestamp[]::new),
                amounts.toArray(BigDecimal[]::new));
    }

    private List<RfmQuery> queries() {
        List<RfmQuery> queries = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Instant asOf = instants.get(random.nextInt(instants.size()));
            // Odd ones end between events; even ones on an instant that some customers bought at.
            queries.add(new RfmQuery(i % 2 == 0 ? asOf : asOf.plusSeconds(1_800), 30 + random.nextInt(300)));
        }
        // A window that starts on a purchase instant, and one long enough to hold every event.
        Instant start = instants.get(0);
        queries.add(new RfmQuery(start.plus(90, ChronoUnit.DAYS), 90));
        queries.add(new RfmQuery(EARLIEST.plus(SPAN_HOURS + 1, ChronoUnit.HOURS), 3650));
        return queries;
    }

    private void assertScoredAsTheRuleSays(RfmQuery query) {
        List<RfmFigures> figures = new ArrayList<>();
        moneyOf.forEach((id, money) -> RfmFigures.of(id, money, query).ifPresent(figures::add));
        List<RfmScore> expected = RfmRanking.score(figures, query.asOf());
        assertThat(expected).as("customers scored in %s", query).hasSizeGreaterThan(10);

        assertThat(cellsOf(scores.cells(query))).as("grid of %s", query).isEqualTo(cellsOf(grid(expected)));
        for (RfmSegment segment : RfmSegment.values()) {
            List<RfmScore> members = expected.stream()
                    .filter(score -> score.segment() == segment)
                    .sorted(Comparator.comparing(RfmScore::lastPurchaseAt)
                            .reversed()
                            .thenComparing(RfmScore::customerId, StoredIdOrder.ORDER))
                    .toList();
            List<RfmScore> paged = new ArrayList<>();
            for (int page = 0; page * 20 < members.size() || page == 0; page++) {
                Page<RfmScore> found = scores.members(query, segment, new PageRequest(page, 20));
                assertThat(found.totalItems()).as("%s in %s", segment, query).isEqualTo(members.size());
                paged.addAll(found.items());
            }
            assertThat(normalised(paged)).as("%s in %s", segment, query).isEqualTo(normalised(members));
        }
        for (RfmScore score : expected.subList(0, 5)) {
            assertThat(normalised(List.of(
                            scores.of(query, CustomerId.of(score.customerId())).orElseThrow())))
                    .isEqualTo(normalised(List.of(score)));
        }
        Set<RfmSegment> some = EnumSet.of(RfmSegment.CHAMPIONS, RfmSegment.HIBERNATING, RfmSegment.LOST);
        assertThat(scores.customerIds(query, some))
                .containsExactlyInAnyOrderElementsOf(expected.stream()
                        .filter(score -> some.contains(score.segment()))
                        .map(RfmScore::customerId)
                        .toList());
    }

    private static List<RfmCell> grid(List<RfmScore> scored) {
        Map<List<Integer>, List<RfmScore>> byCell = scored.stream()
                .collect(Collectors.groupingBy(score -> List.of(score.recencyScore(), score.frequencyScore())));
        List<RfmCell> cells = new ArrayList<>();
        byCell.forEach((cell, members) -> cells.add(new RfmCell(
                cell.get(0),
                cell.get(1),
                RfmSegment.of(cell.get(0), cell.get(1)),
                members.size(),
                members.stream().map(RfmScore::monetary).reduce(BigDecimal.ZERO, BigDecimal::add),
                members.stream().mapToLong(RfmScore::monetaryScore).sum())));
        return cells;
    }

    /** Cells in a fixed order with amounts written without trailing zeros, so that 10.0000 equals 10. */
    private static List<String> cellsOf(List<RfmCell> cells) {
        return cells.stream()
                .sorted(Comparator.comparing(RfmCell::recencyScore).thenComparing(RfmCell::frequencyScore))
                .map(cell -> cell.recencyScore() + "/" + cell.frequencyScore() + " " + cell.segment() + " "
                        + cell.customers() + " "
                        + cell.revenue().stripTrailingZeros().toPlainString() + " "
                        + cell.monetaryScoreSum())
                .toList();
    }

    private static List<String> normalised(List<RfmScore> scored) {
        return scored.stream()
                .map(score -> score.customerId() + " " + score.lastPurchaseAt() + " " + score.recencyDays() + " "
                        + score.frequency() + " "
                        + score.monetary().stripTrailingZeros().toPlainString() + " "
                        + score.recencyScore() + score.frequencyScore() + score.monetaryScore() + " "
                        + score.segment())
                .toList();
    }
}
