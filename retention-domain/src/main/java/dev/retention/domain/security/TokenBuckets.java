package dev.retention.domain.security;

import java.time.Duration;

/** The credentials' token buckets, one per credential, shared by every instance of the service. */
public interface TokenBuckets {

    /**
     * Takes up to {@code wanted} whole tokens from the credential's bucket, which holds at most {@code capacity}
     * tokens and gains {@code perSecond} tokens a second; a new bucket starts full.
     */
    Reservation reserve(String credential, long wanted, long capacity, long perSecond);

    /** How many tokens were taken, and when none were, how long until the next one. */
    record Reservation(long tokens, Duration retryAfter) {}

    /** Whether a request may proceed, and if not, how long until it may. */
    record Take(boolean taken, Duration retryAfter) {

        public static final Take TAKEN = new Take(true, Duration.ZERO);
    }
}
