package dev.retention.domain.rfm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.rfm.MoneyHistories.Movement;
import dev.retention.domain.rfm.RfmFigures.Money;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import dev.retention.domain.shared.StoredIdOrder;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The book against the rule stated plainly: the figures of {@link RfmFigures#of} for every customer, then for each
 * figure the customers sorted by (figure, id) and cut by {@link RfmRanking#quintile}, on random histories built to tie.
 */
class RfmBookTest {

    private static final Instant ORIGIN = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void everyAnswerOfTheBookIsTheRulesOnRandomHistoriesFullOfTies() {
        Random random = new Random(20261130);
        Map<UUID, List<Money>> histories = randomHistories(random, 300);
        List<Movement> movements = movements(histories);
        Collections.shuffle(movements, random);
        // Kept in three steps, as events arrive out of order.
        int third = movements.size() / 3;
        MoneyHistories kept = MoneyHistories.of(movements.subList(0, third))
                .with(movements.subList(third, 2 * third))
                .with(movements.subList(2 * third, movements.size()));
        RfmBook book = new RfmBook(() -> Optional.of(kept), null);

        List<RfmQuery> queries = List.of(
                new RfmQuery(ORIGIN.plus(Duration.ofDays(200)), 365),
                new RfmQuery(ORIGIN.plus(Duration.ofDays(100)), 30),
                new RfmQuery(ORIGIN.plus(Duration.ofDays(60)), 40), // ends on an instant shared by many
                new RfmQuery(ORIGIN.plus(Duration.ofDays(160)).plusSeconds(1), 1),
                new RfmQuery(ORIGIN.plus(Duration.ofDays(3)), 3650));
        for (RfmQuery query : queries) {
            List<RfmScore> expected = byTheRule(histories, query);
            assertThat(expected).as("customers scored by %s", query).hasSizeGreaterThan(0);

            assertThat(book.cells(query)).as("grid of %s", query).containsExactlyInAnyOrderElementsOf(grid(expected));
            for (RfmSegment segment : RfmSegment.values()) {
                List<RfmScore> members = expected.stream()
                        .filter(score -> score.segment() == segment)
                        .sorted(Comparator.comparing(RfmScore::lastPurchaseAt)
                                .reversed()
                                .thenComparing(RfmScore::customerId, StoredIdOrder.ORDER))
                        .toList();
                for (int page = 0; page * 7 <= members.size(); page++) {
                    Page<RfmScore> answer = book.members(query, segment, new PageRequest(page, 7));
                    assertThat(answer.items())
                            .as("%s page %d of %s", segment, page, query)
                            .containsExactlyElementsOf(
                                    members.subList(page * 7, Math.min(members.size(), page * 7 + 7)));
                    assertThat(answer.totalItems()).isEqualTo(members.size());
                }
            }
            Set<RfmSegment> wanted = EnumSet.of(RfmSegment.AT_RISK, RfmSegment.CHAMPIONS);
            assertThat(book.customerIds(query, wanted))
                    .containsExactlyInAnyOrderElementsOf(expected.stream()
                            .filter(score -> wanted.contains(score.segment()))
                            .map(RfmScore::customerId)
                            .toList());
            for (UUID id : histories.keySet()) {
                assertThat(book.of(query, CustomerId.of(id)))
                        .isEqualTo(expected.stream()
                                .filter(score -> score.customerId().equals(id))
                                .findFirst());
            }
        }
    }

    @Test
    void withoutKeptHistoriesTheDatabaseAnswers() {
        RfmQuery query = new RfmQuery(ORIGIN, 30);
        RfmCell cell = new RfmCell(1, 1, RfmSegment.LOST, 3, new BigDecimal("12.5000"), 4);
        RfmScores database = new RfmScores() {
            @Override
            public List<RfmCell> cells(RfmQuery asked) {
                return List.of(cell);
            }

            @Override
            public Page<RfmScore> members(RfmQuery asked, RfmSegment segment, PageRequest page) {
                return new Page<>(List.of(), page.page(), page.size(), 42);
            }

            @Override
            public List<UUID> customerIds(RfmQuery asked, Set<RfmSegment> segments) {
                return List.of(ORIGIN_ID);
            }

            @Override
            public Optional<RfmScore> of(RfmQuery asked, CustomerId customerId) {
                return Optional.empty();
            }
        };
        RfmBook book = new RfmBook(Optional::empty, database);

        assertThat(book.cells(query)).containsExactly(cell);
        assertThat(book.members(query, RfmSegment.LOST, new PageRequest(0, 5)).totalItems())
                .isEqualTo(42);
        assertThat(book.customerIds(query, Set.of(RfmSegment.LOST))).containsExactly(ORIGIN_ID);
    }

    private static final UUID ORIGIN_ID = UUID.fromString("00000000-0000-4000-8000-000000000000");

    /** Few amounts and instants, so that figures tie; ids on both sides of 7f...; refunds alone; free purchases. */
    private static Map<UUID, List<Money>> randomHistories(Random random, int customers) {
        String[] amounts = {"0", "5", "10", "10.5", "25", "100", "0.0001", "999.9999"};
        Map<UUID, List<Money>> histories = new LinkedHashMap<>();
        for (int c = 0; c < customers; c++) {
            UUID id = new UUID(random.nextLong(), random.nextLong());
            List<Money> history = new ArrayList<>();
            int count = random.nextInt(6);
            for (int i = 0; i < count; i++) {
                Instant at =
                        ORIGIN.plus(Duration.ofDays(random.nextInt(12) * 20L)).plusSeconds(random.nextInt(3) * 3600L);
                boolean refund = random.nextInt(4) == 0;
                String amount = amounts[random.nextInt(amounts.length)];
                history.add(new Money(refund, at, new BigDecimal(refund && amount.equals("0") ? "1" : amount)));
            }
            histories.put(id, history);
        }
        return histories;
    }

    private static List<Movement> movements(Map<UUID, List<Money>> histories) {
        List<Movement> movements = new ArrayList<>();
        histories.forEach((id, history) -> history.forEach(money -> movements.add(new Movement(
                id,
                money.refund(),
                MoneyHistories.micros(money.at()),
                money.amount().movePointRight(MoneyHistories.AMOUNT_SCALE).longValueExact()))));
        return movements;
    }

    private static List<RfmScore> byTheRule(Map<UUID, List<Money>> histories, RfmQuery query) {
        List<RfmFigures> figures = new ArrayList<>();
        histories.forEach((id, history) -> RfmFigures.of(id, history, query).ifPresent(figures::add));
        Map<UUID, Integer> r = ntile(figures, RfmFigures::lastPurchaseAt);
        Map<UUID, Integer> f = ntile(figures, RfmFigures::frequency);
        Map<UUID, Integer> m = ntile(figures, RfmFigures::monetary);
        return figures.stream()
                .map(customer -> {
                    UUID id = customer.customerId();
                    return new RfmScore(
                            id,
                            customer.lastPurchaseAt(),
                            Duration.between(customer.lastPurchaseAt(), query.asOf())
                                    .toDays(),
                            customer.frequency(),
                            customer.monetary().setScale(MoneyHistories.AMOUNT_SCALE),
                            r.get(id),
                            f.get(id),
                            m.get(id),
                            RfmSegment.of(r.get(id), f.get(id)));
                })
                .toList();
    }

    private static <T extends Comparable<? super T>> Map<UUID, Integer> ntile(
            List<RfmFigures> figures, Function<RfmFigures, T> figure) {
        List<RfmFigures> sorted = new ArrayList<>(figures);
        sorted.sort(Comparator.comparing(figure).thenComparing(RfmFigures::customerId, StoredIdOrder.ORDER));
        Map<UUID, Integer> scores = new HashMap<>();
        for (int rank = 1; rank <= sorted.size(); rank++) {
            scores.put(sorted.get(rank - 1).customerId(), RfmRanking.quintile(rank, sorted.size()));
        }
        return scores;
    }

    private static List<RfmCell> grid(List<RfmScore> scores) {
        Map<List<Integer>, RfmCell> cells = new HashMap<>();
        for (RfmScore score : scores) {
            cells.merge(
                    List.of(score.recencyScore(), score.frequencyScore()),
                    new RfmCell(
                            score.recencyScore(),
                            score.frequencyScore(),
                            score.segment(),
                            1,
                            score.monetary(),
                            score.monetaryScore()),
                    (a, b) -> new RfmCell(
                            a.recencyScore(),
                            a.frequencyScore(),
                            a.segment(),
                            a.customers() + b.customers(),
                            a.revenue().add(b.revenue()),
                            a.monetaryScoreSum() + b.monetaryScoreSum()));
        }
        return List.copyOf(cells.values());
    }
}
