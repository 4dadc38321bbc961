package dev.retention.domain.rfm;

/**
 * The named RFM segments, by recency score R and frequency score F (the monetary score is reported but does not
 * choose the segment):
 *
 * <pre>
 *        F=1              F=2              F=3              F=4              F=5
 * R=5    New Customers    Pot. Loyalists   Pot. Loyalists   Champions        Champions
 * R=4    Promising        Pot. Loyalists   Pot. Loyalists   Loyal Customers  Loyal Customers
 * R=3    About to Sleep   About to Sleep   Need Attention   Loyal Customers  Loyal Customers
 * R=2    Hibernating      Hibernating      At Risk          At Risk          Can't Lose Them
 * R=1    Lost             Hibernating      At Risk          At Risk          Can't Lose Them
 * </pre>
 */
public enum RfmSegment {
    CHAMPIONS("Champions"),
    LOYAL_CUSTOMERS("Loyal Customers"),
    POTENTIAL_LOYALISTS("Potential Loyalists"),
    NEW_CUSTOMERS("New Customers"),
    PROMISING("Promising"),
    NEED_ATTENTION("Need Attention"),
    ABOUT_TO_SLEEP("About to Sleep"),
    AT_RISK("At Risk"),
    CANT_LOSE_THEM("Can't Lose Them"),
    HIBERNATING("Hibernating"),
    LOST("Lost");

    private final String label;

    RfmSegment(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The segment of recency score r and frequency score f, each 1 to 5. */
    public static RfmSegment of(int r, int f) {
        if (r < 1 || r > 5 || f < 1 || f > 5) {
            throw new IllegalArgumentException("scores run from 1 to 5: r = " + r + ", f = " + f);
        }
        if (r >= 4) {
            if (f == 1) {
                return r == 5 ? NEW_CUSTOMERS : PROMISING;
            }
            if (f <= 3) {
                return POTENTIAL_LOYALISTS;
            }
            return r == 5 ? CHAMPIONS : LOYAL_CUSTOMERS;
        }
        if (r == 3) {
            return f <= 2 ? ABOUT_TO_SLEEP : f == 3 ? NEED_ATTENTION : LOYAL_CUSTOMERS;
        }
        if (f == 5) {
            return CANT_LOSE_THEM;
        }
        if (f >= 3) {
            return AT_RISK;
        }
        return r == 1 && f == 1 ? LOST : HIBERNATING;
    }
}
