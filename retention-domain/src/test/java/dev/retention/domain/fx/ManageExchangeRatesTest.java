package dev.retention.domain.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.domain.fx.ManageExchangeRates.RateDraft;
import dev.retention.domain.shared.InvalidInputException;
import dev.retention.domain.shared.PageRequest;
import dev.retention.domain.shared.Violation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManageExchangeRatesTest {

    private final InMemoryExchangeRates stored = new InMemoryExchangeRates();
    private final ManageExchangeRates rates = new ManageExchangeRates(stored, Currency.getInstance("EUR"));

    private static RateDraft draft(String currency, String date, String rate) {
        return new RateDraft(
                currency, date == null ? null : LocalDate.parse(date), rate == null ? null : new BigDecimal(rate));
    }

    private static List<String> refusedFields(Runnable action) {
        List<String> fields = new ArrayList<>();
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        refused -> refused.violations().stream()
                                .map(Violation::field)
                                .forEach(fields::add));
        return fields;
    }

    @Test
    void ratesAreStoredAndASecondSetReplacesTheSameDay() {
        assertThat(rates.set(List.of(draft("USD", "2026-03-02", "0.91"), draft("GBP", "2026-03-02", "1.17"))))
                .isEqualTo(2);
        rates.set(List.of(draft("USD", "2026-03-02", "0.915")));

        assertThat(rates.list("USD", null, null, new PageRequest(0, 10)).items())
                .extracting(ExchangeRate::rate)
                .containsExactly(new BigDecimal("0.915"));
        assertThat(rates.list(null, null, null, new PageRequest(0, 10)).totalItems())
                .isEqualTo(2);
    }

    @Test
    void everyBadFieldIsNamedAndNothingIsStored() {
        List<String> fields = refusedFields(() -> rates.set(List.of(
                draft("USD", "2026-03-02", "0.91"),
                draft("usd", null, "0"),
                draft("GBP", "2026-03-02", "0.12345678901"),
                draft("JPY", "2026-03-02", "12345678901"),
                draft("USD", "2026-03-02", "0.92"))));

        assertThat(fields)
                .containsExactly(
                        "rates[1].currency",
                        "rates[1].date",
                        "rates[1].rate",
                        "rates[2].rate",
                        "rates[3].rate",
                        "rates[4]");
        assertThat(stored.list(null, null, null, new PageRequest(0, 10)).totalItems())
                .isZero();
    }

    @Test
    void theReportingCurrencyNeedsNoRate() {
        assertThatThrownBy(() -> rates.set(List.of(draft("EUR", "2026-03-02", "1"))))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> {
                    assertThat(refused.onlyRulesBroken()).isTrue();
                    assertThat(refused.violations().get(0).field()).isEqualTo("rates[0].currency");
                });
    }

    @Test
    void aSetHasOneToFiveThousandRates() {
        assertThat(refusedFields(() -> rates.set(List.of()))).containsExactly("rates");
        List<RateDraft> tooMany = Collections.nCopies(5_001, draft("USD", "2026-03-02", "1"));
        assertThat(refusedFields(() -> rates.set(tooMany))).containsExactly("rates");
    }

    @Test
    void listingChecksItsFilters() {
        assertThat(refusedFields(() -> rates.list("dollars", null, null, new PageRequest(0, 10))))
                .containsExactly("currency");
        assertThat(refusedFields(() -> rates.list(
                        null, LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-01"), new PageRequest(0, 10))))
                .containsExactly("to");
    }
}
