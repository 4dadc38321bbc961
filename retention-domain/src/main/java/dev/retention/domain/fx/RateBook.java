package dev.retention.domain.fx;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds the rate that converts an amount of a given UTC day: the rate of that day, or else of the latest earlier day
 * at most {@link #MAX_RATE_AGE_DAYS} days before it (weekends and holidays have no published rate).
 */
public final class RateBook {

    public static final int MAX_RATE_AGE_DAYS = 7;

    private final Map<String, NavigableMap<LocalDate, ExchangeRate>> byCurrency = new HashMap<>();

    public RateBook(List<ExchangeRate> rates) {
        for (ExchangeRate rate : rates) {
            byCurrency
                    .computeIfAbsent(rate.currency(), currency -> new TreeMap<>())
                    .put(rate.date(), rate);
        }
    }

    /** The earliest day whose rate may convert an amount of {@code day}. */
    public static LocalDate earliestUsableDay(LocalDate day) {
        return day.minusDays(MAX_RATE_AGE_DAYS);
    }

    public Optional<ExchangeRate> rateFor(String currency, LocalDate day) {
        NavigableMap<LocalDate, ExchangeRate> rates = byCurrency.get(currency);
        if (rates == null) {
            return Optional.empty();
        }
        Map.Entry<LocalDate, ExchangeRate> latest = rates.floorEntry(day);
        return latest == null || latest.getKey().isBefore(earliestUsableDay(day))
                ? Optional.empty()
                : Optional.of(latest.getValue());
    }
}
