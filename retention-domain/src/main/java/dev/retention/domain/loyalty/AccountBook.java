package dev.retention.domain.loyalty;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One account with its open lots and recent qualifying points, loaded (and locked) for a transaction. Every change
 * appends a ledger entry with the resulting balance and keeps balance = sum of the lots' remaining points; the
 * caller stores {@link #account()}, {@link #newLots()}, {@link #changedLots()} and {@link #newEntries()}.
 */
public final class AccountBook {

    /** The window of qualifying points that sets a tier. */
    public static final int QUALIFYING_MONTHS = 12;

    private LoyaltyAccount account;
    private final List<PointsLot> openLots;
    private final List<QualifyingPoints> qualifying;
    private final List<PointsLot> newLots = new ArrayList<>();
    private final Map<UUID, PointsLot> changedLots = new LinkedHashMap<>();
    private final List<LedgerEntry> newEntries = new ArrayList<>();

    /**
     * @param openLots the account's lots with points left
     * @param qualifying the qualifying points of the account since at least 12 months before any instant asked about
     */
    public AccountBook(LoyaltyAccount account, List<PointsLot> openLots, List<QualifyingPoints> qualifying) {
        this.account = account;
        this.openLots = new ArrayList<>(openLots);
        this.openLots.sort(PointsLot.SPENDING_ORDER);
        this.qualifying = new ArrayList<>(qualifying);
    }

    public static Instant qualifyingWindowStart(Instant at) {
        return at.atOffset(ZoneOffset.UTC).minusMonths(QUALIFYING_MONTHS).toInstant();
    }

    /** Base points earned less clawed back in the 12 months up to and including {@code at}. */
    public long qualifyingPointsAt(Instant at) {
        Instant from = qualifyingWindowStart(at);
        return qualifying.stream()
                .filter(q -> q.at().isAfter(from) && !q.at().isAfter(at))
                .mapToLong(QualifyingPoints::points)
                .sum();
    }

    /** A purchase at {@code at}: base points times the multiplier of the tier the member held just before it. */
    public void earn(UUID eventId, Instant at, BigDecimal amount, ProgrammeVersion version, Instant now) {
        Tier tier = version.tierFor(qualifyingPointsAt(at));
        long base = version.basePoints(amount);
        long points = version.earnedPoints(base, tier);
        qualifying.add(new QualifyingPoints(at, base));
        if (points > 0) {
            PointsLot lot =
                    new PointsLot(UUID.randomUUID(), account.customerId(), at, version.expiryOf(at), points, points);
            newLots.add(lot);
            openLots.add(lot);
            openLots.sort(PointsLot.SPENDING_ORDER);
        }
        account = new LoyaltyAccount(
                account.customerId(),
                account.enrolledAt(),
                account.balance() + points,
                account.lifetimePoints() + points,
                account.shortfall(),
                account.tier(),
                account.tierSince());
        append(LedgerEntryType.EARN, points, base, 0, at, now, eventId, null, null, null);
    }

    /**
     * A refund at {@code at} takes back the points its amount would have earned then; what the balance cannot cover
     * is recorded as shortfall, and the balance stays at zero or above.
     */
    public void clawBack(UUID eventId, Instant at, BigDecimal amount, ProgrammeVersion version, Instant now) {
        Tier tier = version.tierFor(qualifyingPointsAt(at));
        long base = version.basePoints(amount);
        long points = version.earnedPoints(base, tier);
        long taken = Math.min(points, account.balance());
        spend(taken);
        qualifying.add(new QualifyingPoints(at, -base));
        long shortfall = points - taken;
        account = new LoyaltyAccount(
                account.customerId(),
                account.enrolledAt(),
                account.balance() - taken,
                Math.max(0, account.lifetimePoints() - points),
                account.shortfall() + shortfall,
                account.tier(),
                account.tierSince());
        append(LedgerEntryType.CLAWBACK, -taken, -base, shortfall, at, now, eventId, null, null, null);
    }

    /** Deducts a reward's cost; the caller has checked the balance covers it. */
    public void redeem(UUID redemptionId, long cost, Instant now) {
        if (cost > account.balance()) {
            throw new IllegalStateException("balance " + account.balance() + " does not cover " + cost);
        }
        spend(cost);
        setBalance(account.balance() - cost);
        append(LedgerEntryType.REDEEM, -cost, 0, 0, now, now, null, redemptionId, null, null);
    }

    /** Adds points as a new lot (expiring like earned points) or deducts them; the balance cannot go below zero. */
    public void adjust(long points, String reason, ProgrammeVersion version, Instant now) {
        if (points > 0) {
            PointsLot lot =
                    new PointsLot(UUID.randomUUID(), account.customerId(), now, version.expiryOf(now), points, points);
            newLots.add(lot);
            openLots.add(lot);
            openLots.sort(PointsLot.SPENDING_ORDER);
        } else {
            if (-points > account.balance()) {
                throw new IllegalStateException("balance " + account.balance() + " does not cover " + -points);
            }
            spend(-points);
        }
        setBalance(account.balance() + points);
        append(LedgerEntryType.ADJUST, points, 0, 0, now, now, null, null, null, reason);
    }

    /** Expires what is left of every lot whose expiry is at or before {@code now}, one entry per lot. */
    public void expire(Instant now) {
        for (PointsLot lot : List.copyOf(openLots)) {
            if (lot.expiresAt() != null && !lot.expiresAt().isAfter(now) && lot.remaining() > 0) {
                long left = lot.remaining();
                replace(lot, lot.withRemaining(0));
                setBalance(account.balance() - left);
                append(LedgerEntryType.EXPIRE, -left, 0, 0, lot.expiresAt(), now, null, null, lot.id(), null);
            }
        }
    }

    /** Sets the tier the qualifying points of the last 12 months reach now, up or down. */
    public void refreshTier(ProgrammeVersion version, Instant now) {
        String tier = version.tierFor(qualifyingPointsAt(now)).name();
        if (!tier.equals(account.tier())) {
            account = new LoyaltyAccount(
                    account.customerId(),
                    account.enrolledAt(),
                    account.balance(),
                    account.lifetimePoints(),
                    account.shortfall(),
                    tier,
                    now);
        }
    }

    /** Takes points from the lots in spending order. */
    private void spend(long points) {
        long left = points;
        for (PointsLot lot : List.copyOf(openLots)) {
            if (left == 0) {
                break;
            }
            long taken = Math.min(left, lot.remaining());
            replace(lot, lot.withRemaining(lot.remaining() - taken));
            left -= taken;
        }
        if (left > 0) {
            throw new IllegalStateException("lots hold " + (points - left) + " points, not " + points);
        }
    }

    private void replace(PointsLot old, PointsLot changed) {
        int index = openLots.indexOf(old);
        if (changed.remaining() == 0) {
            openLots.remove(index);
        } else {
            openLots.set(index, changed);
        }
        if (newLots.contains(old)) {
            newLots.set(newLots.indexOf(old), changed);
        } else {
            changedLots.put(changed.id(), changed);
        }
    }

    private void setBalance(long balance) {
        account = new LoyaltyAccount(
                account.customerId(),
                account.enrolledAt(),
                balance,
                account.lifetimePoints(),
                account.shortfall(),
                account.tier(),
                account.tierSince());
    }

    private void append(
            LedgerEntryType type,
            long points,
            long qualifyingPoints,
            long shortfall,
            Instant at,
            Instant now,
            UUID eventId,
            UUID redemptionId,
            UUID lotId,
            String reason) {
        newEntries.add(new LedgerEntry(
                UUID.randomUUID(),
                account.customerId(),
                type,
                points,
                account.balance(),
                qualifyingPoints,
                shortfall,
                at,
                now,
                eventId,
                redemptionId,
                lotId,
                reason));
    }

    public LoyaltyAccount account() {
        return account;
    }

    public List<PointsLot> openLots() {
        return List.copyOf(openLots);
    }

    public List<PointsLot> newLots() {
        return List.copyOf(newLots);
    }

    public List<PointsLot> changedLots() {
        return List.copyOf(changedLots.values());
    }

    public List<LedgerEntry> newEntries() {
        return List.copyOf(newEntries);
    }
}
