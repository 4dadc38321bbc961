package dev.retention.domain.security;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The tokens one instance holds for one credential, taken from the shared bucket in lots, each usable until it
 * expires; and, after the bucket was found empty, until when there is no point asking it again. Not thread-safe:
 * {@link LimitRequests} locks it.
 */
final class Allowance {

    private record Lot(long tokens, long expiresAtNanos) {}

    private final Deque<Lot> lots = new ArrayDeque<>();
    private boolean foundEmpty;
    private long emptyUntilNanos;
    private boolean refilling;

    /** Uses one held token, the one that expires first; false when none is left. */
    boolean use(long nowNanos) {
        dropExpired(nowNanos);
        Lot first = lots.pollFirst();
        if (first == null) {
            return false;
        }
        if (first.tokens() > 1) {
            lots.addFirst(new Lot(first.tokens() - 1, first.expiresAtNanos()));
        }
        return true;
    }

    void add(long tokens, long expiresAtNanos) {
        if (tokens > 0) {
            lots.addLast(new Lot(tokens, expiresAtNanos));
        }
    }

    long held(long nowNanos) {
        dropExpired(nowNanos);
        return lots.stream().mapToLong(Lot::tokens).sum();
    }

    /** When the lot used next expires; {@code Long.MAX_VALUE} when nothing is held. */
    long nextExpiryNanos() {
        Lot first = lots.peekFirst();
        return first == null ? Long.MAX_VALUE : first.expiresAtNanos();
    }

    void emptyUntil(long nanos) {
        foundEmpty = true;
        emptyUntilNanos = nanos;
    }

    /** How long until the bucket has a token again, as last heard from it; zero or less when it may have one. */
    long emptyForNanos(long nowNanos) {
        return foundEmpty ? emptyUntilNanos - nowNanos : 0;
    }

    /** Marks a refill under way; false when one already is. */
    boolean startRefill() {
        if (refilling) {
            return false;
        }
        refilling = true;
        return true;
    }

    void refillDone() {
        refilling = false;
    }

    private void dropExpired(long nowNanos) {
        while (!lots.isEmpty() && lots.peekFirst().expiresAtNanos() <= nowNanos) {
            lots.pollFirst();
        }
    }
}
