package dev.retention.domain.fx;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** On {@code date} (a UTC day), one unit of {@code currency} is worth {@code rate} units of the reporting currency. */
public record ExchangeRate(String currency, LocalDate date, BigDecimal rate) {

    public ExchangeRate {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(rate, "rate");
    }
}
