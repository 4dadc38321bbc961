package dev.retention.domain.shared;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/** An amount of money in one currency. Amounts are exact decimals, never floating point. */
public record Money(BigDecimal amount, Currency currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
    }

    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    /** True for a code of ISO 4217, such as EUR. */
    public static boolean isCurrencyCode(String code) {
        try {
            return code.length() == 3
                    && Currency.getInstance(code).getCurrencyCode().equals(code);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    /** Compares by value, so that 10.5 EUR and 10.50 EUR are the same amount. */
    public boolean sameValueAs(Money other) {
        return other != null && currency.equals(other.currency) && amount.compareTo(other.amount) == 0;
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
