package dev.retention.domain.revenue;

import dev.retention.domain.metrics.Granularity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Consumer;

/** The customers' net revenue per period, from the stored PURCHASE and REFUND events. */
public interface RevenueHistories {

    /**
     * Which revenue: per period of {@code granularity} in {@code zone} (by the local date of each event), of the
     * periods from the one starting on {@code firstPeriod} to those starting before {@code end}; the customers of
     * {@code segment} only when it is not null.
     */
    record Query(Granularity granularity, ZoneId zone, LocalDate firstPeriod, Instant end, String segment) {}

    /** Hands every customer with revenue in those periods, or with positive revenue in a period before them, over once. */
    void forEach(Query query, Consumer<CustomerRevenueHistory> sink);
}
