package dev.retention.domain.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.domain.loyalty.ManageRewards.RewardDraft;
import dev.retention.domain.shared.InvalidInputException;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import dev.retention.domain.shared.ResourceNotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ManageRewardsTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    /** The catalogue in a map, in the order rewards were added. */
    private static final class Catalogue implements Rewards {

        private final Map<UUID, Reward> rewards = new LinkedHashMap<>();

        @Override
        public void add(Reward reward) {
            rewards.put(reward.id(), reward);
        }

        @Override
        public void update(Reward reward) {
            rewards.put(reward.id(), reward);
        }

        @Override
        public Optional<Reward> find(UUID id) {
            return Optional.ofNullable(rewards.get(id));
        }

        @Override
        public Optional<Reward> lock(UUID id) {
            return find(id);
        }

        @Override
        public void takeOneFromStock(UUID id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<Reward> list(boolean includeArchived, PageRequest page) {
            List<Reward> items = rewards.values().stream()
                    .filter(reward -> includeArchived || !reward.archived())
                    .toList();
            return new Page<>(items, page.page(), page.size(), items.size());
        }
    }

    private final Catalogue catalogue = new Catalogue();
    private final ManageRewards manage = new ManageRewards(catalogue, Clock.fixed(NOW, ZoneOffset.UTC));

    private static RewardDraft draft(String name, Long cost) {
        return new RewardDraft(name, null, cost, 10, null, null, null);
    }

    @Test
    void aRewardNeedsItsCost() {
        assertThatThrownBy(() -> manage.add(draft("Free coffee", null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.violations())
                                .singleElement()
                                .satisfies(v -> assertThat(v.field()).isEqualTo("costPoints")));
        assertThat(catalogue.rewards).isEmpty();
    }

    @Test
    void aReplacedRewardKeepsItsIdCreationAndArchiving() {
        Reward added = manage.add(draft("Free coffee", 150L));
        manage.archive(added.id());

        Reward replaced = manage.replace(added.id(), draft("Free tea", 120L));

        assertThat(replaced.id()).isEqualTo(added.id());
        assertThat(replaced.name()).isEqualTo("Free tea");
        assertThat(replaced.costPoints()).isEqualTo(120L);
        assertThat(replaced.archived()).isTrue();
        assertThat(replaced.createdAt()).isEqualTo(NOW);
        assertThat(manage.list(false, new PageRequest(0, 20)).items()).isEmpty();
        assertThat(manage.list(true, new PageRequest(0, 20)).items()).containsExactly(replaced);
    }

    @Test
    void anUnknownRewardIsNotFound() {
        assertThatThrownBy(() -> manage.archive(UUID.randomUUID())).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> manage.replace(UUID.randomUUID(), draft("Free tea", 120L)))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
