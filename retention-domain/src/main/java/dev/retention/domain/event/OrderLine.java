package dev.retention.domain.event;

import java.math.BigDecimal;

/**
 * One product of an order: how many and at what price each, in the currency of its event. A purchase of several
 * products is one event with one line per product, its amount the sum of the lines.
 */
public record OrderLine(String productId, Long quantity, BigDecimal unitPrice) {

    /** Quantity times unit price; null while either is missing. */
    public BigDecimal total() {
        return quantity == null || unitPrice == null ? null : unitPrice.multiply(BigDecimal.valueOf(quantity));
    }

    /** The sum of the lines' totals; null when there are no lines or one of them has no total. */
    static BigDecimal sum(java.util.List<OrderLine> lines) {
        if (lines.isEmpty()) {
            return null;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (OrderLine line : lines) {
            if (line == null || line.total() == null) {
                return null;
            }
            sum = sum.add(line.total());
        }
        return sum;
    }

    boolean sameAs(OrderLine other) {
        return productId.equals(other.productId)
                && quantity.equals(other.quantity)
                && unitPrice.compareTo(other.unitPrice) == 0;
    }
}
