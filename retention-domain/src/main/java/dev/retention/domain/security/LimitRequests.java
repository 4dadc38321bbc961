package dev.retention.domain.security;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * Limits each credential to a burst of {@code capacity} requests and {@code perSecond} requests a second after it,
 * across every instance of the service, with one shared bucket per credential.
 *
 * <p>So that a request rarely waits for the shared bucket, an instance takes tokens from it in lots of
 * {@link #reservation()} = max(1, min(capacity, perSecond) / 10) and decides locally while it holds some, taking the
 * next lot in the background when half of what it holds is used or its newest lot is half-way to expiring. A lot is usable for
 * reservation / perSecond (at most 0.1 s) after it was asked for; what is left then is dropped. Every request uses a
 * token that left the shared bucket, so over any t seconds the deployment serves at most capacity + perSecond × t +
 * reservation requests: the limit is never exceeded by more than one lot, however many instances share it. The price
 * is fairness between instances: one may refuse while another holds part of a lot, for at most that long. After the
 * bucket was found empty, requests are refused locally until it has a token again.
 */
public class LimitRequests {

    private final TokenBuckets buckets;
    private final long capacity;
    private final long perSecond;
    private final long reservation;
    private final long holdNanos;
    private final Executor refills;
    private final LongSupplier nanoTime;
    private final ConcurrentMap<String, Allowance> allowances = new ConcurrentHashMap<>();

    /**
     * @param refills runs the refills taken ahead of need
     * @param nanoTime a monotonic clock in nanoseconds, such as {@code System::nanoTime}
     */
    public LimitRequests(TokenBuckets buckets, long capacity, long perSecond, Executor refills, LongSupplier nanoTime) {
        if (capacity < 1 || perSecond < 1) {
            throw new IllegalArgumentException("a rate limit allows at least one request, and one a second");
        }
        this.buckets = buckets;
        this.capacity = capacity;
        this.perSecond = perSecond;
        this.reservation = Math.max(1, Math.min(capacity, perSecond) / 10);
        this.holdNanos = Math.max(1, Math.round(reservation * 1e9 / perSecond));
        this.refills = refills;
        this.nanoTime = nanoTime;
    }

    public TokenBuckets.Take take(String credential) {
        Allowance allowance = allowances.get(credential);
        if (allowance == null) {
            allowance = allowances.computeIfAbsent(credential, ignored -> new Allowance());
        }
        long now = nanoTime.getAsLong();
        if (!allowance.use(now)) {
            synchronized (allowance) {
                // Another request of this credential may have taken a lot while this one waited for the monitor.
                if (!allowance.use(now)) {
                    long empty = allowance.emptyForNanos(now);
                    if (empty > 0) {
                        return new TokenBuckets.Take(false, Duration.ofNanos(empty));
                    }
                    TokenBuckets.Reservation taken = buckets.reserve(credential, reservation, capacity, perSecond);
                    record(allowance, taken, now);
                    if (!allowance.use(now)) {
                        return new TokenBuckets.Take(false, taken.retryAfter());
                    }
                }
            }
        }
        refillAheadIfDue(credential, allowance, now);
        return TokenBuckets.Take.TAKEN;
    }

    private void refillAheadIfDue(String credential, Allowance allowance, long now) {
        boolean halfUsed = allowance.held(now) <= reservation / 2;
        // the newest lot, not the first: once the next lot is in, nothing is due until that one is half-way
        boolean halfExpired = allowance.lastExpiryNanos(now) - now <= holdNanos / 2;
        if ((halfUsed || halfExpired) && allowance.startRefill()) {
            refills.execute(() -> refill(credential, allowance));
        }
    }

    private void refill(String credential, Allowance allowance) {
        try {
            long now = nanoTime.getAsLong();
            record(allowance, buckets.reserve(credential, reservation, capacity, perSecond), now);
        } finally {
            allowance.refillDone();
        }
    }

    /** {@code askedAt} is when the tokens were asked for: they expire counting from then, never later. */
    private void record(Allowance allowance, TokenBuckets.Reservation taken, long askedAt) {
        if (taken.tokens() > 0) {
            allowance.add(taken.tokens(), askedAt + holdNanos, nanoTime.getAsLong());
        } else {
            allowance.emptyUntil(askedAt + taken.retryAfter().toNanos());
        }
    }

    public long capacity() {
        return capacity;
    }

    public long perSecond() {
        return perSecond;
    }

    /** How many tokens an instance takes from the shared bucket at once. */
    public long reservation() {
        return reservation;
    }
}
