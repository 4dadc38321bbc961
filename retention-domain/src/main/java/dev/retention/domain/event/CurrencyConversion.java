package dev.retention.domain.event;

import dev.retention.domain.fx.ExchangeRate;
import dev.retention.domain.fx.ExchangeRates;
import dev.retention.domain.fx.RateBook;
import dev.retention.domain.shared.Money;
import dev.retention.domain.shared.Violation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Converts amounts sent in another currency into the reporting currency at the rate of the event's UTC day (see
 * {@link RateBook}), rounded to {@value EventRules#MAX_AMOUNT_SCALE} decimals, half-even. Figures never mix
 * currencies: an amount without a usable rate is refused.
 */
public class CurrencyConversion {

    /** Either the conversion of an amount, or why it has none. */
    public record Outcome(Conversion conversion, Violation refusal) {}

    private final ExchangeRates rates;
    private final Currency reportingCurrency;

    public CurrencyConversion(ExchangeRates rates, Currency reportingCurrency) {
        this.rates = rates;
        this.reportingCurrency = reportingCurrency;
    }

    /** One outcome per submission, in order; null for those that need no conversion and for null submissions. */
    public Outcome[] convert(List<EventSubmission> submissions, EventRules rules) {
        Outcome[] outcomes = new Outcome[submissions.size()];
        Set<String> currencies = new HashSet<>();
        LocalDate first = null;
        LocalDate last = null;
        for (EventSubmission submission : submissions) {
            if (submission != null && rules.needsConversion(submission)) {
                LocalDate day = utcDay(submission);
                currencies.add(submission.currency());
                first = first == null || day.isBefore(first) ? day : first;
                last = last == null || day.isAfter(last) ? day : last;
            }
        }
        if (currencies.isEmpty()) {
            return outcomes;
        }
        RateBook book = new RateBook(rates.between(currencies, RateBook.earliestUsableDay(first), last));
        for (int i = 0; i < submissions.size(); i++) {
            EventSubmission submission = submissions.get(i);
            if (submission != null && rules.needsConversion(submission)) {
                outcomes[i] = convert(submission, book);
            }
        }
        return outcomes;
    }

    private Outcome convert(EventSubmission submission, RateBook book) {
        LocalDate day = utcDay(submission);
        Optional<ExchangeRate> rate = book.rateFor(submission.currency(), day);
        if (rate.isEmpty()) {
            return new Outcome(
                    null,
                    Violation.rule(
                            "currency",
                            "has no exchange rate into " + reportingCurrency.getCurrencyCode() + " for " + day
                                    + " (UTC) or the " + RateBook.MAX_RATE_AGE_DAYS + " days before; add the rates of "
                                    + submission.currency() + " first"));
        }
        BigDecimal converted = submission
                .amount()
                .multiply(rate.get().rate())
                .setScale(EventRules.MAX_AMOUNT_SCALE, RoundingMode.HALF_EVEN);
        if (converted.precision() - converted.scale() > EventRules.MAX_AMOUNT_INTEGER_DIGITS) {
            return new Outcome(
                    null,
                    Violation.rule(
                            "amount",
                            "is worth 10^" + EventRules.MAX_AMOUNT_INTEGER_DIGITS + " "
                                    + reportingCurrency.getCurrencyCode() + " or more once converted"));
        }
        return new Outcome(
                new Conversion(
                        Money.of(converted, reportingCurrency),
                        rate.get().rate(),
                        rate.get().date()),
                null);
    }

    private static LocalDate utcDay(EventSubmission submission) {
        return LocalDate.ofInstant(submission.occurredAt(), ZoneOffset.UTC);
    }
}
