package dev.retention.domain.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ItemToItemRecommendationsTest {

    /** Support 2 and shrinkage 1, so that the numbers below are easy to follow by hand. */
    private static final RecommendationSettings SETTINGS = new RecommendationSettings(20, 2, 1.0, 0.5, 0.5, 2);

    private static PurchaseHistory customer(String segment, List<String>... orders) {
        List<Basket> baskets = new ArrayList<>();
        for (int i = 0; i < orders.length; i++) {
            baskets.add(new Basket(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(86_400L * i), orders[i]));
        }
        return new PurchaseHistory(UUID.randomUUID(), segment, baskets);
    }

    /** A {x, y}; B {x, y, z}; C {x, z}; D {y}: x and y have 3 buyers, z 2; x-y and x-z 2 co-buyers, y-z 1. */
    private static List<PurchaseHistory> fourCustomers() {
        return List.of(
                customer("UK", List.of("x", "y")),
                customer("UK", List.of("x"), List.of("y", "z")),
                customer("FR", List.of("x", "z")),
                customer("FR", List.of("y")));
    }

    @Test
    void similarityIsTheCosineOfTheBuyersDampedBySupport() {
        CoPurchaseModel model = BuildCoPurchaseModel.build(fourCustomers(), SETTINGS);

        // x-z: 2 / sqrt(3 * 2) * 2 / (2 + 1) = 0.816497 * 0.666667 = 0.544331
        // x-y: 2 / sqrt(3 * 3) * 2 / (2 + 1) = 0.666667 * 0.666667 = 0.444444
        // y-z: 1 co-buyer, under the support of 2
        assertThat(model.similarTo("x")).extracting(SimilarProduct::productId).containsExactly("z", "y");
        assertThat(model.similarTo("x").get(0).score()).isCloseTo(0.544331, within(1e-6));
        assertThat(model.similarTo("x").get(1).score()).isCloseTo(0.444444, within(1e-6));
        assertThat(model.similarTo("x").get(1).coBuyers()).isEqualTo(2);
        assertThat(model.similarTo("y")).extracting(SimilarProduct::productId).containsExactly("x");
        assertThat(model.similarTo("z")).extracting(SimilarProduct::productId).containsExactly("x");
    }

    @Test
    void neighboursAreCutToTheConfiguredNumberAndRankedByProductOnTies() {
        RecommendationSettings one = new RecommendationSettings(1, 1, 0.0, 0.5, 0.5, 2);
        List<PurchaseHistory> histories = List.of(customer(null, List.of("a", "c", "b")));

        CoPurchaseModel model = BuildCoPurchaseModel.build(histories, one);

        assertThat(model.similarTo("a")).extracting(SimilarProduct::productId).containsExactly("b");
    }

    @Test
    void aProductIsARepeatItemWhenEnoughOfItsBuyersBoughtItInTwoOrders() {
        List<PurchaseHistory> histories = List.of(
                customer(null, List.of("tea"), List.of("tea", "mug")),
                customer(null, List.of("tea", "mug")),
                customer(null, List.of("mug"), List.of("mug")),
                customer(null, List.of("mug")));

        CoPurchaseModel model = BuildCoPurchaseModel.build(histories, SETTINGS);

        // tea: 1 of 2 buyers again = 0.5, at the share 0.5; mug: 1 of 4 = 0.25
        assertThat(model.stats().get("tea").repeatBuyers()).isEqualTo(1);
        assertThat(model.isRepeatItem("tea")).isTrue();
        assertThat(model.isRepeatItem("mug")).isFalse();
        assertThat(model.popular()).containsExactly("mug", "tea");
    }

    @Test
    void candidatesScoreTheirSimilarityToEachProductBoughtWeightedByHowRecentlyItWasBought() {
        CoPurchaseModel model = BuildCoPurchaseModel.build(fourCustomers(), SETTINGS);
        PurchaseHistory newcomer = customer("FR", List.of("z"), List.of("y"));

        List<Recommendation> list = Recommend.forCustomer(newcomer, model, SETTINGS, product -> true, 5);

        // y bought in the last order (weight 1), z one order before (0.5):
        // x = 1 * 0.444444 + 0.5 * 0.544331 = 0.716610, explained by y first
        assertThat(list).extracting(Recommendation::productId).containsExactly("x");
        assertThat(list.get(0).score()).isCloseTo(0.716610, within(1e-6));
        assertThat(list.get(0).because()).containsExactly("y", "z");
        assertThat(list.get(0).source()).isEqualTo(Recommendation.Source.SIMILAR);
    }

    @Test
    void productsBoughtAreNotOfferedAgainUnlessCustomersComeBackForThem() {
        List<PurchaseHistory> histories = new ArrayList<>(fourCustomers());
        histories.add(customer("UK", List.of("z"), List.of("z", "x")));
        CoPurchaseModel model = BuildCoPurchaseModel.build(histories, SETTINGS);
        assertThat(model.isRepeatItem("z"))
                .as("1 of 3 buyers bought z twice: under 0.5")
                .isFalse();

        RecommendationSettings lowerShare = new RecommendationSettings(20, 2, 1.0, 0.5, 0.3, 2);
        CoPurchaseModel repeat = BuildCoPurchaseModel.build(histories, lowerShare);
        PurchaseHistory buyer = customer("UK", List.of("z"));

        assertThat(Recommend.forCustomer(buyer, model, SETTINGS, product -> true, 5))
                .extracting(Recommendation::productId)
                .doesNotContain("z");
        List<Recommendation> withRepeat = Recommend.forCustomer(buyer, repeat, lowerShare, product -> true, 5);
        Recommendation again = withRepeat.stream()
                .filter(r -> r.productId().equals("z"))
                .findFirst()
                .orElseThrow();
        // its own weight: similarity 1 to itself, bought in the latest order
        assertThat(again.score()).isCloseTo(1.0, within(1e-9));
        assertThat(again.because()).containsExactly("z");
    }

    @Test
    void unavailableProductsAreNeverOfferedAndShortListsAreFilledFromTheSegmentsBestSellers() {
        CoPurchaseModel model = BuildCoPurchaseModel.build(fourCustomers(), SETTINGS);
        PurchaseHistory buyer = customer("UK", List.of("z"));

        List<Recommendation> list = Recommend.forCustomer(buyer, model, SETTINGS, product -> !product.equals("x"), 5);

        // x is the only similar product but unavailable; UK bought x (2), y (2), z (1): y is the one left
        assertThat(list).extracting(Recommendation::productId).containsExactly("y");
        assertThat(list.get(0).source()).isEqualTo(Recommendation.Source.POPULAR);
        assertThat(list.get(0).because()).isEmpty();
    }

    @Test
    void aCustomerWithoutPurchasesGetsTheBestSellersOfTheirSegment() {
        CoPurchaseModel model = BuildCoPurchaseModel.build(fourCustomers(), SETTINGS);

        // FR bought x (1), y (1), z (1): ties by product id
        assertThat(Recommend.forCustomer(customer("FR"), model, SETTINGS, product -> true, 2))
                .extracting(Recommendation::productId)
                .containsExactly("x", "y");
        // an unknown segment falls back to all customers: x 3, y 3, z 2
        assertThat(Recommend.forCustomer(customer("DE"), model, SETTINGS, product -> true, 3))
                .extracting(Recommendation::productId)
                .containsExactly("x", "y", "z");
    }
}
