package dev.retention.domain.security;

import java.time.Duration;

/** The credentials' token buckets, one per credential, shared by every instance of the service. */
public interface TokenBuckets {

    /**
     * Takes one token from the credential's bucket, which holds at most {@code capacity} tokens and gains
     * {@code perSecond} tokens a second; a new bucket starts full.
     */
    Take take(String credential, long capacity, long perSecond);

    /** Whether a token was taken, and if not, how long until the next one. */
    record Take(boolean taken, Duration retryAfter) {}
}
