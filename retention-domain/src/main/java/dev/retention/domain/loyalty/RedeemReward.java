package dev.retention.domain.loyalty;

import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.shared.ConflictException;
import dev.retention.domain.shared.Instants;
import dev.retention.domain.shared.InvalidInputException;
import dev.retention.domain.shared.ResourceNotFoundException;
import dev.retention.domain.shared.RuleViolationException;
import dev.retention.domain.shared.UnitOfWork;
import dev.retention.domain.shared.Violation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Redeems a reward all or nothing: the account is locked first, so that redemptions of one member run one at a
 * time, then the reward; the balance, the reward's window, the member's tier and the stock are checked, and the
 * points (from the lots that expire first) and one item of stock are taken in the same transaction. The same
 * idempotency key again returns the first redemption.
 */
public class RedeemReward {

    public static final int MAX_KEY_LENGTH = 128;

    private final LoyaltyStore store;
    private final Rewards rewards;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public RedeemReward(LoyaltyStore store, Rewards rewards, UnitOfWork unitOfWork, Clock clock) {
        this.store = store;
        this.rewards = rewards;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    /** The redemption, whether this call made it, and the balance after it. */
    public record Outcome(Redemption redemption, boolean created, LoyaltyAccount account) {}

    public Outcome redeem(CustomerId member, UUID rewardId, String idempotencyKey) {
        UUID customerId = member.value();
        if (rewardId == null) {
            throw InvalidInputException.of("rewardId", "is required");
        }
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH) {
            throw InvalidInputException.of("idempotencyKey", "is required, at most " + MAX_KEY_LENGTH + " characters");
        }
        Instant now = Instants.now(clock);
        return unitOfWork.inTransaction(() -> {
            AccountBook book = store.lockBooks(List.of(customerId), AccountBook.qualifyingWindowStart(now))
                    .get(customerId);
            if (book == null) {
                throw new ResourceNotFoundException("Loyalty account", customerId);
            }
            var earlier = store.redemption(member, idempotencyKey);
            if (earlier.isPresent()) {
                if (!earlier.get().rewardId().equals(rewardId)) {
                    throw new ConflictException(
                            "idempotency-key-reused",
                            "The key " + idempotencyKey + " was used for a redemption of another reward.");
                }
                return new Outcome(earlier.get(), false, book.account());
            }
            Reward reward = rewards.lock(rewardId).orElseThrow(() -> new ResourceNotFoundException("Reward", rewardId));
            check(reward, book.account(), now);
            Redemption redemption =
                    new Redemption(UUID.randomUUID(), customerId, rewardId, idempotencyKey, reward.costPoints(), now);
            book.redeem(redemption.id(), reward.costPoints(), now);
            store.addRedemption(redemption);
            if (reward.stock() != null) {
                rewards.takeOneFromStock(rewardId);
            }
            store.save(List.of(book), now);
            return new Outcome(redemption, true, book.account());
        });
    }

    private void check(Reward reward, LoyaltyAccount account, Instant now) {
        if (!reward.redeemableAt(now)) {
            throw new RuleViolationException(
                    "reward-not-active",
                    "Reward " + reward.id() + " cannot be redeemed now: "
                            + (reward.archived()
                                    ? "it is archived."
                                    : "it is redeemable from " + reward.activeFrom() + " until " + reward.activeUntil()
                                            + "."),
                    List.of(new Violation("rewardId", "is not active")));
        }
        if (reward.minimumTier() != null && !tierReaches(account.tier(), reward.minimumTier(), now)) {
            throw new RuleViolationException(
                    "tier-too-low",
                    "Reward " + reward.id() + " needs tier " + reward.minimumTier() + " or above; the member is "
                            + account.tier() + ".",
                    List.of(new Violation("rewardId", "needs tier " + reward.minimumTier())));
        }
        if (reward.stock() != null && reward.stock() <= 0) {
            throw new ConflictException("out-of-stock", "Reward " + reward.id() + " is out of stock.");
        }
        if (account.balance() < reward.costPoints()) {
            throw new ConflictException(
                    "insufficient-points",
                    "The balance is " + account.balance() + " points; the reward costs " + reward.costPoints() + ".");
        }
    }

    /** Whether the member's tier is the required one or above it in the rules in force. */
    private boolean tierReaches(String memberTier, String requiredTier, Instant now) {
        List<String> order = store.programme()
                .at(now)
                .map(version -> version.tiers().stream().map(Tier::name).toList())
                .orElse(List.of());
        int required = order.indexOf(requiredTier);
        return required < 0 ? memberTier.equals(requiredTier) : order.indexOf(memberTier) >= required;
    }
}
