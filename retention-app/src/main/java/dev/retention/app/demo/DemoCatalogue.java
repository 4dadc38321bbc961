package dev.retention.app.demo;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The products of the demo shop: four categories of six. A customer leans to one category (its taste), buying from
 * it three times in four, the best sellers of each category more often than the rest; so buyers of one product tend
 * to buy its neighbours, which gives the recommendations something to find.
 */
final class DemoCatalogue {

    record Product(String id, String name, String category) {}

    static final List<Product> PRODUCTS = List.of(
            new Product("coffee-espresso", "Espresso beans 1 kg", "Coffee"),
            new Product("coffee-filter", "Filter coffee 500 g", "Coffee"),
            new Product("coffee-decaf", "Decaf beans 500 g", "Coffee"),
            new Product("coffee-grinder", "Burr grinder", "Coffee"),
            new Product("coffee-dripper", "Pour-over dripper", "Coffee"),
            new Product("coffee-papers", "Filter papers, 100", "Coffee"),
            new Product("tea-breakfast", "Breakfast tea, 80 bags", "Tea"),
            new Product("tea-green", "Sencha green tea 100 g", "Tea"),
            new Product("tea-earl-grey", "Earl Grey 100 g", "Tea"),
            new Product("tea-pot", "Glass teapot", "Tea"),
            new Product("tea-infuser", "Tea infuser", "Tea"),
            new Product("tea-honey", "Wildflower honey", "Tea"),
            new Product("kitchen-mug", "Stoneware mug", "Kitchen"),
            new Product("kitchen-kettle", "Gooseneck kettle", "Kitchen"),
            new Product("kitchen-scale", "Kitchen scale", "Kitchen"),
            new Product("kitchen-tray", "Oak serving tray", "Kitchen"),
            new Product("kitchen-towels", "Linen tea towels, 2", "Kitchen"),
            new Product("kitchen-jar", "Storage jar", "Kitchen"),
            new Product("gift-box", "Tasting gift box", "Gifts"),
            new Product("gift-card", "Gift card", "Gifts"),
            new Product("gift-chocolate", "Dark chocolate, 6 bars", "Gifts"),
            new Product("gift-biscuits", "Shortbread tin", "Gifts"),
            new Product("gift-candle", "Coffee-scented candle", "Gifts"),
            new Product("gift-book", "The coffee atlas", "Gifts"));

    private static final int CATEGORIES = 4;
    private static final int PER_CATEGORY = 6;

    private DemoCatalogue() {}

    static int taste(SplittableRandom random) {
        return random.nextInt(CATEGORIES);
    }

    /** A product for a customer of this taste: three times in four from its category, best sellers first. */
    static String pick(SplittableRandom random, int taste) {
        int category = random.nextDouble() < 0.75 ? taste : random.nextInt(CATEGORIES);
        // ranks 0..5 with weights 1, 1/2, 1/3, ... (Zipf)
        double u = random.nextDouble() * 2.45;
        int rank = 0;
        double cumulative = 1;
        while (rank < PER_CATEGORY - 1 && u > cumulative) {
            rank++;
            cumulative += 1.0 / (rank + 1);
        }
        return PRODUCTS.get(category * PER_CATEGORY + rank).id();
    }
}
