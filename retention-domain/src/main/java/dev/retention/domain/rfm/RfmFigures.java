package dev.retention.domain.rfm;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One customer's figures in a window: its last purchase, its number of purchases and its purchases less refunds. Only
 * a customer with a purchase in the window has figures.
 */
public record RfmFigures(UUID customerId, Instant lastPurchaseAt, long frequency, BigDecimal monetary) {

    /** A purchase or a refund of the customer's, at an instant, of an amount (zero or more). */
    public record Money(boolean refund, Instant at, BigDecimal amount) {

        public Money {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(amount, "amount");
        }
    }

    /**
     * The figures of the window (asOf - windowDays, asOf] from the customer's purchases and refunds: a purchase at
     * the window's start does not count, one at its end does; refunds in the window are taken from the purchases.
     */
    public static Optional<RfmFigures> of(UUID customerId, List<Money> history, RfmQuery query) {
        Instant lastPurchase = null;
        long frequency = 0;
        BigDecimal monetary = BigDecimal.ZERO.setScale(4);
        for (Money money : history) {
            if (!money.at().isAfter(query.windowStart()) || money.at().isAfter(query.asOf())) {
                continue;
            }
            if (money.refund()) {
                monetary = monetary.subtract(money.amount());
            } else {
                frequency++;
                monetary = monetary.add(money.amount());
                lastPurchase = lastPurchase == null || money.at().isAfter(lastPurchase) ? money.at() : lastPurchase;
            }
        }
        return frequency == 0
                ? Optional.empty()
                : Optional.of(new RfmFigures(customerId, lastPurchase, frequency, monetary));
    }
}
