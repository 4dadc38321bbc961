package dev.retention.domain.security;

/**
 * Limits each credential to a burst of {@code capacity} requests and {@code perSecond} requests a second after it,
 * across every instance of the service.
 */
public class LimitRequests {

    private final TokenBuckets buckets;
    private final long capacity;
    private final long perSecond;

    public LimitRequests(TokenBuckets buckets, long capacity, long perSecond) {
        if (capacity < 1 || perSecond < 1) {
            throw new IllegalArgumentException("a rate limit allows at least one request, and one a second");
        }
        this.buckets = buckets;
        this.capacity = capacity;
        this.perSecond = perSecond;
    }

    public TokenBuckets.Take take(String credential) {
        return buckets.take(credential, capacity, perSecond);
    }

    public long capacity() {
        return capacity;
    }

    public long perSecond() {
        return perSecond;
    }
}
