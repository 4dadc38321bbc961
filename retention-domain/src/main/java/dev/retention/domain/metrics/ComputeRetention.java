package dev.retention.domain.metrics;

import dev.retention.domain.shared.Concurrently;
import dev.retention.domain.shared.Instants;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** Retention figures over a range of periods, for all customers, one segment, or broken down by segment. */
public class ComputeRetention {

    private final CustomerLifecycles lifecycles;
    private final Revenues revenues;
    private final Clock clock;
    private final Executor executor;

    /**
     * @param executor runs the revenue query while the lifecycles are read, so that the two database queries
     *     overlap
     */
    public ComputeRetention(CustomerLifecycles lifecycles, Revenues revenues, Clock clock, Executor executor) {
        this.lifecycles = lifecycles;
        this.revenues = revenues;
        this.clock = clock;
        this.executor = executor;
    }

    public RetentionReport overall(RetentionQuery query) {
        CompletableFuture<List<BigDecimal>> revenue =
                CompletableFuture.supplyAsync(() -> revenues.total(query.periods(), query.filter()), executor);
        RetentionTally tally = new RetentionTally(query.periods(), query.membership());
        lifecycles.forEach(query.lifecycles(), tally::add);
        return tally.report(Concurrently.await(revenue), query.valuation(), Instants.now(clock));
    }

    /** One report per segment, in name order with customers without a segment (the null key) last. */
    public Map<String, RetentionReport> bySegment(RetentionQuery query) {
        CompletableFuture<Map<String, List<BigDecimal>>> revenues =
                CompletableFuture.supplyAsync(() -> this.revenues.perPeriod(query.periods(), query.filter()), executor);
        Map<String, RetentionTally> tallies = new HashMap<>();
        Supplier<RetentionTally> newTally = () -> new RetentionTally(query.periods(), query.membership());
        lifecycles.forEach(
                query.lifecycles(),
                (lifecycle, customers) -> tallies.computeIfAbsent(lifecycle.segment(), segment -> newTally.get())
                        .add(lifecycle, customers));
        Map<String, List<BigDecimal>> revenue = Concurrently.await(revenues);
        List<String> segments = new ArrayList<>(tallies.keySet());
        revenue.keySet().stream()
                .filter(segment -> !tallies.containsKey(segment))
                .forEach(segments::add);
        segments.sort(Comparator.nullsLast(Comparator.naturalOrder()));
        Map<String, RetentionReport> reports = new LinkedHashMap<>();
        for (String segment : segments) {
            RetentionTally tally = tallies.computeIfAbsent(segment, revenueOnly -> newTally.get());
            reports.put(
                    segment,
                    tally.report(
                            revenue.getOrDefault(segment, zeros(query.periods().size())),
                            query.valuation(),
                            Instants.now(clock)));
        }
        return reports;
    }

    private static List<BigDecimal> zeros(int size) {
        return new ArrayList<>(Collections.nCopies(size, BigDecimal.ZERO));
    }
}
