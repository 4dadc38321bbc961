package dev.retention.domain.security;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The tokens one instance holds for one credential, taken from the shared bucket in lots, each usable until it
 * expires; and, after the bucket was found empty, until when there is no point asking it again.
 *
 * <p>Using a token takes no lock, so that concurrent requests of one credential do not queue behind each other (on a
 * busy machine, behind a thread that was descheduled while holding the lock). Lots are added, and used-up ones
 * unlinked, under the allowance's monitor.
 */
final class Allowance {

    private static final class Lot {
        private final AtomicLong remaining;
        private final long expiresAtNanos;
        private volatile Lot next;

        private Lot(long tokens, long expiresAtNanos) {
            this.remaining = new AtomicLong(tokens);
            this.expiresAtNanos = expiresAtNanos;
        }

        private boolean usableAt(long nowNanos) {
            return remaining.get() > 0 && nowNanos - expiresAtNanos < 0;
        }
    }

    private volatile Lot first;
    private volatile boolean foundEmpty;
    private volatile long emptyUntilNanos;
    private final AtomicBoolean refilling = new AtomicBoolean();

    /** Uses one held token, from the lot that expires first; false when none is left. */
    boolean use(long nowNanos) {
        for (Lot lot = first; lot != null; lot = lot.next) {
            // A lot used up by others meanwhile goes below zero: that token was not there, try the next lot.
            if (nowNanos - lot.expiresAtNanos < 0 && lot.remaining.getAndDecrement() > 0) {
                return true;
            }
        }
        return false;
    }

    /** Adds a lot after the ones held, and unlinks those used up or expired. */
    synchronized void add(long tokens, long expiresAtNanos, long nowNanos) {
        unlinkUnusable(nowNanos);
        if (tokens <= 0) {
            return;
        }
        Lot lot = new Lot(tokens, expiresAtNanos);
        Lot last = first;
        if (last == null) {
            first = lot;
            return;
        }
        while (last.next != null) {
            last = last.next;
        }
        last.next = lot;
    }

    long held(long nowNanos) {
        long held = 0;
        for (Lot lot = first; lot != null; lot = lot.next) {
            if (lot.usableAt(nowNanos)) {
                held += lot.remaining.get();
            }
        }
        return held;
    }

    /** When the last usable lot expires; {@code nowNanos} when nothing is held. */
    long lastExpiryNanos(long nowNanos) {
        long last = nowNanos;
        for (Lot lot = first; lot != null; lot = lot.next) {
            if (lot.usableAt(nowNanos) && lot.expiresAtNanos - last > 0) {
                last = lot.expiresAtNanos;
            }
        }
        return last;
    }

    void emptyUntil(long nanos) {
        emptyUntilNanos = nanos;
        foundEmpty = true;
    }

    /** How long until the bucket has a token again, as last heard from it; zero or less when it may have one. */
    long emptyForNanos(long nowNanos) {
        return foundEmpty ? emptyUntilNanos - nowNanos : 0;
    }

    /** Marks a refill under way; false when one already is. */
    boolean startRefill() {
        return refilling.compareAndSet(false, true);
    }

    void refillDone() {
        refilling.set(false);
    }

    private void unlinkUnusable(long nowNanos) {
        while (first != null && !first.usableAt(nowNanos)) {
            first = first.next;
        }
    }
}
