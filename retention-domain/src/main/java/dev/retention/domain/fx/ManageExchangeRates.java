package dev.retention.domain.fx;

import dev.retention.domain.shared.DecimalDigits;
import dev.retention.domain.shared.InvalidInputException;
import dev.retention.domain.shared.Money;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import dev.retention.domain.shared.Violation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Sets and lists the exchange rates into the reporting currency; a set is checked whole and stored all or nothing. */
public class ManageExchangeRates {

    public static final int MAX_RATES_PER_REQUEST = 5_000;
    public static final int MAX_RATE_SCALE = 10;
    /** numeric(20,10): at most 10 digits before the decimal point. */
    public static final int MAX_RATE_INTEGER_DIGITS = 10;

    /** A rate as a client sends it, before any check. */
    public record RateDraft(String currency, LocalDate date, BigDecimal rate) {}

    private final ExchangeRates rates;
    private final Currency reportingCurrency;

    public ManageExchangeRates(ExchangeRates rates, Currency reportingCurrency) {
        this.rates = rates;
        this.reportingCurrency = reportingCurrency;
    }

    public Currency reportingCurrency() {
        return reportingCurrency;
    }

    /** Stores every rate, replacing those of the same currency and day; returns how many were stored. */
    public int set(List<RateDraft> drafts) {
        List<Violation> violations = new ArrayList<>();
        if (drafts == null || drafts.isEmpty()) {
            throw InvalidInputException.of("rates", "must list at least one rate");
        }
        if (drafts.size() > MAX_RATES_PER_REQUEST) {
            throw InvalidInputException.of("rates", "must list at most " + MAX_RATES_PER_REQUEST + " rates");
        }
        Map<String, Integer> firstIndexOf = new HashMap<>();
        List<ExchangeRate> checked = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            RateDraft draft = drafts.get(i);
            String prefix = "rates[" + i + "]";
            if (draft == null) {
                violations.add(new Violation(prefix, "must be a rate, not null"));
                continue;
            }
            List<Violation> own = check(draft);
            own.forEach(violation -> violations.add(violation.withFieldPrefix(prefix)));
            if (own.isEmpty()) {
                Integer first = firstIndexOf.putIfAbsent(draft.currency() + "|" + draft.date(), i);
                if (first != null) {
                    violations.add(new Violation(
                            prefix,
                            "repeats the rate of " + draft.currency() + " on " + draft.date() + " given at rates["
                                    + first + "]"));
                }
                checked.add(new ExchangeRate(draft.currency(), draft.date(), draft.rate()));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        rates.put(checked);
        return checked.size();
    }

    public Page<ExchangeRate> list(String currency, LocalDate from, LocalDate to, PageRequest page) {
        List<Violation> violations = new ArrayList<>();
        if (currency != null && !Money.isCurrencyCode(currency)) {
            violations.add(new Violation("currency", "must be an ISO 4217 code such as USD"));
        }
        if (from != null && to != null && to.isBefore(from)) {
            violations.add(Violation.rule("to", "must not be before from"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return rates.list(currency, from, to, page);
    }

    private List<Violation> check(RateDraft draft) {
        List<Violation> violations = new ArrayList<>();
        if (draft.currency() == null) {
            violations.add(new Violation("currency", "is required"));
        } else if (!Money.isCurrencyCode(draft.currency())) {
            violations.add(new Violation("currency", "must be an ISO 4217 code such as USD"));
        } else if (draft.currency().equals(reportingCurrency.getCurrencyCode())) {
            violations.add(Violation.rule(
                    "currency", "is the reporting currency, which needs no rate: amounts in it are taken as they are"));
        }
        if (draft.date() == null) {
            violations.add(new Violation("date", "is required"));
        }
        BigDecimal rate = draft.rate();
        if (rate == null) {
            violations.add(new Violation("rate", "is required"));
        } else if (rate.signum() <= 0) {
            violations.add(new Violation("rate", "must be positive"));
        } else {
            Violation digits = DecimalDigits.violation("rate", rate, MAX_RATE_INTEGER_DIGITS, MAX_RATE_SCALE);
            if (digits != null) {
                violations.add(digits);
            }
        }
        return violations;
    }
}
