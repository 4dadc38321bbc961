package dev.retention.domain.loyalty;

/**
 * Points that moved in a period, by the ledger: earned by purchases, spent on rewards, expired, taken back by
 * refunds (each as a positive count), and the net of adjustments.
 */
public record PointsFlow(long earned, long redeemed, long expired, long clawedBack, long adjusted) {

    public static final PointsFlow NONE = new PointsFlow(0, 0, 0, 0, 0);

    public PointsFlow plus(PointsFlow other) {
        return new PointsFlow(
                earned + other.earned,
                redeemed + other.redeemed,
                expired + other.expired,
                clawedBack + other.clawedBack,
                adjusted + other.adjusted);
    }
}
