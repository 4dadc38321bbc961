package dev.retention.domain.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OfflineEvaluationTest {

    private static Recommendation offer(String product) {
        return new Recommendation(product, 1, Recommendation.Source.SIMILAR, List.of());
    }

    private static PurchaseHistory anyone() {
        return new PurchaseHistory(UUID.randomUUID(), null, List.of());
    }

    @Test
    void theMeasuresFollowTheirDefinitions() {
        // Customer 1: list a b c d, held out {b, d, e}: hits at ranks 2 and 4.
        //   precision@4 = 2/4, recall = 2/3, AP = (1/2 + 2/4) / min(4, 3) = 1/3
        // Customer 2: list f g h i, held out {z}: no hit.
        List<List<Recommendation>> lists = List.of(
                List.of(offer("a"), offer("b"), offer("c"), offer("d")),
                List.of(offer("f"), offer("g"), offer("h"), offer("i")));
        List<PurchaseHistory> customers = List.of(anyone(), anyone());
        List<Set<String>> heldOut = List.of(Set.of("b", "d", "e"), Set.of("z"));

        RankingQuality quality =
                OfflineEvaluation.score(customers, heldOut, c -> lists.get(customers.indexOf(c)), 4, 16);

        assertThat(quality.hitRate()).isCloseTo(0.5, within(1e-12));
        assertThat(quality.precision()).isCloseTo((0.5 + 0) / 2, within(1e-12));
        assertThat(quality.recall()).isCloseTo((2.0 / 3 + 0) / 2, within(1e-12));
        assertThat(quality.meanAveragePrecision()).isCloseTo((1.0 / 3 + 0) / 2, within(1e-12));
        assertThat(quality.coverage()).as("8 distinct products of 16").isCloseTo(0.5, within(1e-12));
    }

    @Test
    void theLastOrderIsHeldOutAndTheModelNeverSeesIt() {
        Instant day = Instant.parse("2026-01-01T00:00:00Z");
        // Only the held-out order of the first customer pairs a with b; without it no one bought both.
        List<PurchaseHistory> histories = List.of(
                new PurchaseHistory(
                        UUID.randomUUID(),
                        null,
                        List.of(new Basket(day, List.of("a")), new Basket(day.plusSeconds(60), List.of("a", "b")))),
                new PurchaseHistory(UUID.randomUUID(), null, List.of(new Basket(day, List.of("b", "c")))),
                new PurchaseHistory(UUID.randomUUID(), null, List.of(new Basket(day, List.of("b", "c")))));
        RecommendationSettings settings = new RecommendationSettings(20, 1, 0.0, 0.5, 0.5, 5);

        OfflineEvaluation.Result result = OfflineEvaluation.evaluate(histories, settings, product -> true, 1);

        assertThat(result.customersEvaluated()).isEqualTo(1);
        // No similarity for a: the list is the best seller b (2 buyers in training), a hit by popularity alone.
        assertThat(result.itemToItem().hitRate()).isEqualTo(1.0);
        assertThat(result.popularity().hitRate()).isEqualTo(1.0);
        assertThat(result.hitRateRatio()).isEqualTo(1.0);
    }
}
