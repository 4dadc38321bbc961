package dev.retention.domain.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: after {@code first}, doubling with each attempt up to {@code longest}, each
 * wait drawn at random between half and all of that ("equal jitter", so that receivers coming back are not hit by
 * every sender at once); after {@code giveUpAfter} from the signal (or from a manual redelivery) it is given up.
 */
public record RetrySchedule(Duration first, Duration longest, Duration giveUpAfter) {

    public static final RetrySchedule DEFAULT =
            new RetrySchedule(Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofHours(24));

    public RetrySchedule {
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0 || giveUpAfter.isNegative()) {
            throw new IllegalArgumentException("need 0 < first <= longest and giveUpAfter >= 0");
        }
    }

    /**
     * The wait after the {@code attempts}-th failed attempt (1 for the first), with {@code random} in [0, 1).
     */
    public Duration waitAfter(int attempts, DoubleSupplier random) {
        double ceiling =
                Math.min(longest.toMillis(), first.toMillis() * Math.pow(2, Math.min(Math.max(attempts, 1) - 1, 40)));
        return Duration.ofMillis(Math.round(ceiling / 2 + random.getAsDouble() * ceiling / 2));
    }

    /** True when a delivery whose retries count from {@code retryFrom} is given up at {@code now}. */
    public boolean givesUp(Instant retryFrom, Instant now) {
        return !now.isBefore(retryFrom.plus(giveUpAfter));
    }

    /** True when a subscription failing since {@code failingSince} is stopped at {@code now}. */
    public boolean stopsSubscription(Instant failingSince, Instant now) {
        return failingSince != null && !now.isBefore(failingSince.plus(giveUpAfter));
    }
}
