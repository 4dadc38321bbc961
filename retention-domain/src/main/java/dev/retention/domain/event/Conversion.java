package dev.retention.domain.event;

import dev.retention.domain.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** How an amount sent in another currency was converted: its value in the reporting currency, by the rate of a day. */
public record Conversion(Money converted, BigDecimal rate, LocalDate rateDate) {

    public Conversion {
        Objects.requireNonNull(converted, "converted");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(rateDate, "rateDate");
    }
}
