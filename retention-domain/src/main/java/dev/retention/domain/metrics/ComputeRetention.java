package dev.retention.domain.metrics;

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

/** Retention figures over a range of periods, for all customers, one segment, or broken down by segment. */
public class ComputeRetention {

    private final CustomerLifecycles lifecycles;
    private final Revenues revenues;
    private final Clock clock;

    public ComputeRetention(CustomerLifecycles lifecycles, Revenues revenues, Clock clock) {
        this.lifecycles = lifecycles;
        this.revenues = revenues;
        this.clock = clock;
    }

    public RetentionReport overall(RetentionQuery query) {
        RetentionTally tally = new RetentionTally(query.periods());
        lifecycles.forEach(query.lifecycles(), tally::add);
        List<BigDecimal> revenue = revenues.total(query.periods(), query.segment());
        return tally.report(revenue, query.valuation(), Instants.now(clock));
    }

    /** One report per segment, in name order with customers without a segment (the null key) last. */
    public Map<String, RetentionReport> bySegment(RetentionQuery query) {
        Map<String, RetentionTally> tallies = new HashMap<>();
        lifecycles.forEach(query.lifecycles(), (lifecycle, customers) -> tallies
                .computeIfAbsent(lifecycle.segment(), segment -> new RetentionTally(query.periods()))
                .add(lifecycle, customers));
        Map<String, List<BigDecimal>> revenue = revenues.perPeriod(query.periods(), query.segment());
        List<String> segments = new ArrayList<>(tallies.keySet());
        revenue.keySet().stream().filter(segment -> !tallies.containsKey(segment)).forEach(segments::add);
        segments.sort(Comparator.nullsLast(Comparator.naturalOrder()));
        Map<String, RetentionReport> reports = new LinkedHashMap<>();
        for (String segment : segments) {
            RetentionTally tally = tallies.getOrDefault(segment, new RetentionTally(query.periods()));
            reports.put(segment, tally.report(revenue.getOrDefault(segment, zeros(query.periods().size())),
                    query.valuation(), Instants.now(clock)));
        }
        return reports;
    }

    private static List<BigDecimal> zeros(int size) {
        return new ArrayList<>(Collections.nCopies(size, BigDecimal.ZERO));
    }
}
