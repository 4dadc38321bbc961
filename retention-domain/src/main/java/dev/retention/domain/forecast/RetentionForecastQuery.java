package dev.retention.domain.forecast;

import dev.retention.domain.metrics.Granularity;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A retention forecast: the acquisition cohorts are the periods of {@code granularity} in {@code zone} starting from
 * {@code from} up to before {@code to}, observed up to the boundary {@code observedUntil} (a period start), fitted
 * {@code fitBy}, projected {@code horizon} periods ahead; residual lifetimes discounted by {@code discountRate} per
 * period, valued at {@code margin} × {@code paymentPerPeriod} when a payment is given.
 */
public record RetentionForecastQuery(
        Granularity granularity,
        ZoneId zone,
        LocalDate from,
        LocalDate to,
        LocalDate observedUntil,
        FitBy fitBy,
        String segment,
        int horizon,
        BigDecimal discountRate,
        BigDecimal margin,
        BigDecimal paymentPerPeriod) {

    public static final int MAX_HORIZON = 120;

    public RetentionForecastQuery {
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(fitBy, "fitBy");
        Objects.requireNonNull(discountRate, "discountRate");
        Objects.requireNonNull(margin, "margin");
    }
}
