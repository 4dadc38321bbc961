package dev.retention.domain.risk;

import dev.retention.domain.shared.StoredIdOrder;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Who is about to leave. A customer is judged when it is active (not erased, and no CHURNED event at or before asOf
 * without a REACTIVATED event at or after it and at or before asOf) and has bought at or before asOf. A repeat buyer
 * is at risk when the time since its last purchase exceeds {@link #GAP_MULTIPLIER} times its median gap between
 * purchase days; a one-time buyer when it exceeds the {@link #ONE_TIME_PERCENTILE} percentile of the first gaps of
 * the repeat buyers of its segment, or of all customers when its segment has none. The value at risk is its
 * purchases less refunds over the {@link #VALUE_WINDOW} before asOf; the list runs from the highest value down, ties
 * by customer id.
 *
 * <p>The store restates the threshold and the comparison in SQL for speed; a differential test holds that copy to
 * this class.
 */
public final class AtRiskPolicy {

    /** A repeat buyer is at risk once its silence exceeds this many of its median gaps between purchase days. */
    public static final int GAP_MULTIPLIER = 2;
    /** A one-time buyer is at risk once its silence exceeds this percentile of the repeat buyers' first gaps. */
    public static final double ONE_TIME_PERCENTILE = 0.9;
    /** The value at risk is the net revenue of this stretch before asOf (calendar months in UTC). */
    public static final Period VALUE_WINDOW = Period.ofMonths(12);

    private static final double NANOS_PER_DAY = Duration.ofDays(1).toNanos();

    private AtRiskPolicy() {}

    /** A threshold in days, and where it comes from: null for a repeat buyer's own rhythm or for all customers. */
    public record Threshold(double days, String segment) {}

    /** How many repeat buyers of a segment (null for none) had this first gap, in days. */
    public record FirstGapCount(String segment, int gapDays, long customers) {}

    /** The thresholds of one-time buyers: per segment with repeat buyers, and over all customers. */
    public record OneTimeThresholds(Map<String, Double> bySegment, Double overall) {

        public OneTimeThresholds {
            bySegment = Map.copyOf(bySegment);
        }

        /** From the first gaps of every repeat buyer that is not erased, counted by segment and gap. */
        public static OneTimeThresholds of(Collection<FirstGapCount> firstGaps) {
            Map<String, SortedMap<Integer, Long>> bySegment = new HashMap<>();
            SortedMap<Integer, Long> all = new TreeMap<>();
            for (FirstGapCount count : firstGaps) {
                all.merge(count.gapDays(), count.customers(), Long::sum);
                if (count.segment() != null) {
                    bySegment
                            .computeIfAbsent(count.segment(), segment -> new TreeMap<>())
                            .merge(count.gapDays(), count.customers(), Long::sum);
                }
            }
            Map<String, Double> thresholds = new HashMap<>();
            bySegment.forEach(
                    (segment, gaps) -> thresholds.put(segment, Percentiles.continuous(gaps, ONE_TIME_PERCENTILE)));
            return new OneTimeThresholds(
                    thresholds, all.isEmpty() ? null : Percentiles.continuous(all, ONE_TIME_PERCENTILE));
        }
    }

    /** The silence after which this customer is at risk; empty for a one-time buyer when nobody bought twice. */
    public static Optional<Threshold> threshold(PurchaseRhythm rhythm, String segment, OneTimeThresholds oneTime) {
        if (!rhythm.oneTimeBuyer()) {
            return Optional.of(new Threshold(rhythm.medianGapDays() * GAP_MULTIPLIER, null));
        }
        Double ofSegment = segment == null ? null : oneTime.bySegment().get(segment);
        if (ofSegment != null) {
            return Optional.of(new Threshold(ofSegment, segment));
        }
        return Optional.ofNullable(oneTime.overall()).map(days -> new Threshold(days, null));
    }

    /** Days (with fractions) from the last purchase to asOf. */
    public static double silentDays(Instant lastPurchaseAt, Instant asOf) {
        return Duration.between(lastPurchaseAt, asOf).toNanos() / NANOS_PER_DAY;
    }

    public static boolean overdue(PurchaseRhythm rhythm, Threshold threshold, Instant asOf) {
        return silentDays(rhythm.lastPurchaseAt(), asOf) > threshold.days();
    }

    /** Where the value at risk starts (exclusive); it ends at asOf (inclusive). */
    public static Instant valueWindowStart(Instant asOf) {
        return asOf.atZone(ZoneOffset.UTC).minus(VALUE_WINDOW).toInstant();
    }

    /** Whether the CHURNED and REACTIVATED events of a customer leave it active at asOf. */
    public static boolean active(Collection<Instant> churns, Collection<Instant> reactivations, Instant asOf) {
        return churns.stream()
                .filter(churn -> !churn.isAfter(asOf))
                .allMatch(
                        churn -> reactivations.stream().anyMatch(back -> !back.isBefore(churn) && !back.isAfter(asOf)));
    }

    /**
     * Orders the list: highest value at risk first, ties by customer id compared as the database compares them (as
     * unsigned bytes).
     */
    public static int rank(BigDecimal value, UUID customer, BigDecimal otherValue, UUID otherCustomer) {
        int byValue = otherValue.compareTo(value);
        if (byValue != 0) {
            return byValue;
        }
        return StoredIdOrder.compare(customer, otherCustomer);
    }
}
