package dev.retention.domain.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateBookTest {

    private static ExchangeRate rate(String currency, String date, String rate) {
        return new ExchangeRate(currency, LocalDate.parse(date), new BigDecimal(rate));
    }

    private final RateBook book = new RateBook(List.of(
            rate("USD", "2026-03-02", "0.91"), rate("USD", "2026-03-06", "0.92"), rate("GBP", "2026-03-06", "1.17")));

    @Test
    void theDaysOwnRateWins() {
        assertThat(book.rateFor("USD", LocalDate.parse("2026-03-06")))
                .get()
                .extracting(ExchangeRate::rate)
                .isEqualTo(new BigDecimal("0.92"));
    }

    @Test
    void withoutOneTheLatestEarlierRateOfAtMostSevenDaysBeforeIsUsed() {
        assertThat(book.rateFor("USD", LocalDate.parse("2026-03-05")))
                .get()
                .extracting(ExchangeRate::date)
                .isEqualTo(LocalDate.parse("2026-03-02"));
        assertThat(book.rateFor("USD", LocalDate.parse("2026-03-13")))
                .get()
                .extracting(ExchangeRate::date)
                .isEqualTo(LocalDate.parse("2026-03-06"));
        assertThat(book.rateFor("USD", LocalDate.parse("2026-03-14"))).isEmpty();
    }

    @Test
    void laterRatesAndOtherCurrenciesDoNotCount() {
        assertThat(book.rateFor("USD", LocalDate.parse("2026-03-01"))).isEmpty();
        assertThat(book.rateFor("GBP", LocalDate.parse("2026-03-05"))).isEmpty();
        assertThat(book.rateFor("JPY", LocalDate.parse("2026-03-06"))).isEmpty();
    }
}
