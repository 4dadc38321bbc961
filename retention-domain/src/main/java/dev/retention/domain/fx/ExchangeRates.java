package dev.retention.domain.fx;

import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** The stored exchange rates, one per currency and day. */
public interface ExchangeRates {

    /** Stores each rate, replacing the one of the same currency and day. */
    void put(Collection<ExchangeRate> rates);

    /** The rates of these currencies on the days from {@code from} to {@code to}, both included. */
    List<ExchangeRate> between(Set<String> currencies, LocalDate from, LocalDate to);

    /** A page of rates by currency, then day; of one currency only when it is not null, within optional days. */
    Page<ExchangeRate> list(String currency, LocalDate from, LocalDate to, PageRequest page);
}
