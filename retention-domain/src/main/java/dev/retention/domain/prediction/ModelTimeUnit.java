package dev.retention.domain.prediction;

/** The unit in which the models count time: the papers use weeks. */
public enum ModelTimeUnit {
    DAY(1),
    WEEK(7);

    /** The average month, 365.25 / 12 days, in which horizons and discount rates are given. */
    public static final double DAYS_PER_MONTH = 365.25 / 12;

    private final int days;

    ModelTimeUnit(int days) {
        this.days = days;
    }

    public double fromDays(double value) {
        return value / days;
    }
}
