package dev.retention.persistence.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.retention.domain.fx.ExchangeRate;
import dev.retention.domain.fx.ExchangeRates;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import dev.retention.persistence.support.AdapterTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** Rates replaced per currency and day, found by currencies and days, listed in pages. */
@SpringJUnitConfig({AdapterTest.Infrastructure.class, ExchangeRatePersistenceAdapter.class})
class ExchangeRatePersistenceAdapterTest extends AdapterTest {

    @Autowired
    private ExchangeRates rates;

    private static ExchangeRate rate(String currency, String date, String rate) {
        return new ExchangeRate(currency, LocalDate.parse(date), new BigDecimal(rate));
    }

    @Test
    void aRateOfTheSameCurrencyAndDayReplacesTheOldOne() {
        rates.put(List.of(rate("USD", "2026-03-02", "0.91"), rate("USD", "2026-03-03", "100")));
        rates.put(List.of(rate("USD", "2026-03-02", "0.9150000001")));

        assertThat(rates.between(Set.of("USD"), LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31")))
                .containsExactlyInAnyOrder(rate("USD", "2026-03-02", "0.9150000001"), rate("USD", "2026-03-03", "100"));
    }

    @Test
    void betweenTakesOnlyTheCurrenciesAndDaysAsked() {
        rates.put(List.of(
                rate("USD", "2026-03-01", "0.9"),
                rate("USD", "2026-03-05", "0.91"),
                rate("USD", "2026-03-06", "0.92"),
                rate("GBP", "2026-03-05", "1.17"),
                rate("JPY", "2026-03-05", "0.0061")));

        assertThat(rates.between(Set.of("USD", "GBP"), LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-05")))
                .extracting(ExchangeRate::currency, ExchangeRate::date)
                .containsExactlyInAnyOrder(
                        tuple("USD", LocalDate.parse("2026-03-05")), tuple("GBP", LocalDate.parse("2026-03-05")));
    }

    @Test
    void theListIsByCurrencyThenDayFilteredAndPaged() {
        rates.put(List.of(
                rate("USD", "2026-03-02", "0.9"),
                rate("GBP", "2026-03-03", "1.17"),
                rate("USD", "2026-03-01", "0.91"),
                rate("GBP", "2026-03-01", "1.16")));

        Page<ExchangeRate> first = rates.list(null, null, null, new PageRequest(0, 3));
        Page<ExchangeRate> dollarsFromTheSecond =
                rates.list("USD", LocalDate.parse("2026-03-02"), null, new PageRequest(0, 3));
        Page<ExchangeRate> untilTheFirst = rates.list(null, null, LocalDate.parse("2026-03-01"), new PageRequest(0, 3));

        assertThat(first.items())
                .extracting(rate -> rate.currency() + " " + rate.date())
                .containsExactly("GBP 2026-03-01", "GBP 2026-03-03", "USD 2026-03-01");
        assertThat(first.totalItems()).isEqualTo(4);
        assertThat(dollarsFromTheSecond.items()).containsExactly(rate("USD", "2026-03-02", "0.9"));
        assertThat(untilTheFirst.totalItems()).isEqualTo(2);
    }
}
