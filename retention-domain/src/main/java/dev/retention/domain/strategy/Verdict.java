package dev.retention.domain.strategy;

/** What a 95% confidence interval of an uplift says, with "positive" meaning better for the business. */
public enum Verdict {
    SIGNIFICANT_POSITIVE("significant positive"),
    NOT_SIGNIFICANT("not significant"),
    SIGNIFICANT_NEGATIVE("significant negative");

    private final String words;

    Verdict(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    /** From the interval of (treatment - holdout); when lower is better, a negative difference is the good one. */
    static Verdict of(double lower, double upper, boolean higherIsBetter) {
        if (lower > 0) {
            return higherIsBetter ? SIGNIFICANT_POSITIVE : SIGNIFICANT_NEGATIVE;
        }
        if (upper < 0) {
            return higherIsBetter ? SIGNIFICANT_NEGATIVE : SIGNIFICANT_POSITIVE;
        }
        return NOT_SIGNIFICANT;
    }
}
