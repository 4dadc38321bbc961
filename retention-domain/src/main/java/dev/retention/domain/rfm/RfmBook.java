package dev.retention.domain.rfm;

import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.rfm.MoneyHistories.WindowFigures;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Scores customers from the kept money histories: the figures of {@link RfmFigures} from two binary searches per
 * customer, the quintiles of {@link RfmRanking}. Where the histories are not kept, the scores of the database (its
 * statement of the same rule) answer instead.
 */
public class RfmBook implements RfmScores {

    private static final int GRID = 5;

    private final KeptMoneyHistories kept;
    private final RfmScores database;

    public RfmBook(KeptMoneyHistories kept, RfmScores database) {
        this.kept = kept;
        this.database = database;
    }

    @Override
    public List<RfmCell> cells(RfmQuery query) {
        Optional<Scored> found = scored(query);
        if (found.isEmpty()) {
            return database.cells(query);
        }
        Scored scored = found.get();
        long[] customers = new long[GRID * GRID];
        long[] revenueUnits = new long[GRID * GRID];
        BigDecimal[] revenueCarried = new BigDecimal[GRID * GRID];
        long[] monetaryScores = new long[GRID * GRID];
        Arrays.fill(revenueCarried, BigDecimal.ZERO);
        for (int i = 0; i < scored.size(); i++) {
            int cell = (scored.r[i] - 1) * GRID + scored.f[i] - 1;
            customers[cell]++;
            monetaryScores[cell] += scored.m[i];
            long monetary = scored.figures.monetaryUnits()[i];
            long sum = revenueUnits[cell] + monetary;
            if (((revenueUnits[cell] ^ sum) & (monetary ^ sum)) < 0) {
                // The sum would overflow: carry what has been summed so far.
                revenueCarried[cell] = revenueCarried[cell].add(MoneyHistories.amount(revenueUnits[cell]));
                sum = monetary;
            }
            revenueUnits[cell] = sum;
        }
        List<RfmCell> cells = new ArrayList<>();
        for (int cell = 0; cell < GRID * GRID; cell++) {
            if (customers[cell] > 0) {
                int r = cell / GRID + 1;
                int f = cell % GRID + 1;
                cells.add(new RfmCell(
                        r,
                        f,
                        RfmSegment.of(r, f),
                        customers[cell],
                        revenueCarried[cell].add(MoneyHistories.amount(revenueUnits[cell])),
                        monetaryScores[cell]));
            }
        }
        return cells;
    }

    @Override
    public Page<RfmScore> members(RfmQuery query, RfmSegment segment, PageRequest page) {
        Optional<Scored> found = scored(query);
        if (found.isEmpty()) {
            return database.members(query, segment, page);
        }
        Scored scored = found.get();
        List<Integer> members = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            if (scored.segment(i) == segment) {
                members.add(i);
            }
        }
        long[] last = scored.figures.lastPurchaseMicros();
        // Most recent purchase first; then by id, which is the order of the positions.
        members.sort(Comparator.comparingLong((Integer i) -> last[i]).reversed().thenComparingInt(i -> i));
        int from = (int) Math.min(members.size(), page.offset());
        int to = (int) Math.min(members.size(), page.offset() + page.size());
        List<RfmScore> items = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            items.add(scored.score(members.get(i)));
        }
        return new Page<>(items, page.page(), page.size(), members.size());
    }

    @Override
    public List<UUID> customerIds(RfmQuery query, Set<RfmSegment> segments) {
        Optional<Scored> found = scored(query);
        if (found.isEmpty()) {
            return database.customerIds(query, segments);
        }
        Scored scored = found.get();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            if (segments.contains(scored.segment(i))) {
                ids.add(scored.histories.customerId(scored.figures.customer()[i]));
            }
        }
        return ids;
    }

    @Override
    public Optional<RfmScore> of(RfmQuery query, CustomerId customerId) {
        Optional<Scored> found = scored(query);
        if (found.isEmpty()) {
            return database.of(query, customerId);
        }
        Scored scored = found.get();
        int position = scored.histories.position(customerId.value());
        int i = position < 0 ? -1 : Arrays.binarySearch(scored.figures.customer(), position);
        return i < 0 ? Optional.empty() : Optional.of(scored.score(i));
    }

    private Optional<Scored> scored(RfmQuery query) {
        return kept.current().map(histories -> {
            WindowFigures figures = histories.window(query.windowStart(), query.asOf());
            return new Scored(
                    query,
                    histories,
                    figures,
                    RfmRanking.quintiles(figures.lastPurchaseMicros()),
                    RfmRanking.quintiles(figures.frequency()),
                    RfmRanking.quintiles(figures.monetaryUnits()));
        });
    }

    /** The window's figures with their quintiles, customer by customer in id order. */
    private record Scored(RfmQuery query, MoneyHistories histories, WindowFigures figures, int[] r, int[] f, int[] m) {

        int size() {
            return figures.size();
        }

        RfmSegment segment(int i) {
            return RfmSegment.of(r[i], f[i]);
        }

        RfmScore score(int i) {
            Instant last = MoneyHistories.instant(figures.lastPurchaseMicros()[i]);
            return new RfmScore(
                    histories.customerId(figures.customer()[i]),
                    last,
                    Duration.between(last, query.asOf()).toDays(),
                    figures.frequency()[i],
                    MoneyHistories.amount(figures.monetaryUnits()[i]),
                    r[i],
                    f[i],
                    m[i],
                    segment(i));
        }
    }
}
