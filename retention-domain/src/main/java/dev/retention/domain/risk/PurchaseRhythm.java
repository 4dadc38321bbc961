package dev.retention.domain.risk;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * How a customer buys, as the at-risk rule reads it: its purchase days (dates in UTC), its last purchase, the median
 * of the gaps between consecutive purchase days and the first of those gaps (both null for a one-time buyer).
 */
public record PurchaseRhythm(int purchaseDays, Instant lastPurchaseAt, Double medianGapDays, Integer firstGapDays) {

    public PurchaseRhythm {
        Objects.requireNonNull(lastPurchaseAt, "lastPurchaseAt");
        if (purchaseDays < 1) {
            throw new IllegalArgumentException("a rhythm needs at least one purchase day");
        }
    }

    /** The rhythm of these purchase instants (at least one). */
    public static PurchaseRhythm of(Collection<Instant> purchases) {
        if (purchases.isEmpty()) {
            throw new IllegalArgumentException("a rhythm needs at least one purchase");
        }
        TreeSet<LocalDate> days = new TreeSet<>();
        purchases.forEach(at -> days.add(LocalDate.ofInstant(at, ZoneOffset.UTC)));
        List<Double> gaps = new ArrayList<>();
        LocalDate previous = null;
        for (LocalDate day : days) {
            if (previous != null) {
                gaps.add((double) ChronoUnit.DAYS.between(previous, day));
            }
            previous = day;
        }
        Instant last = purchases.stream().max(Instant::compareTo).orElseThrow();
        if (gaps.isEmpty()) {
            return new PurchaseRhythm(1, last, null, null);
        }
        Double firstGap = gaps.get(0);
        gaps.sort(Double::compare);
        return new PurchaseRhythm(days.size(), last, Percentiles.continuous(gaps, 0.5), firstGap.intValue());
    }

    public boolean oneTimeBuyer() {
        return purchaseDays < 2;
    }
}
