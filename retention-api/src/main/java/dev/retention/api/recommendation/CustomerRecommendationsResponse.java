package dev.retention.api.recommendation;

import dev.retention.domain.recommendation.Recommendation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Schema(description = "Products to offer one customer, best first.")
record CustomerRecommendationsResponse(
        @Schema(description = "The customer.") UUID customerId,

        @Schema(description = "The recommendation model the answer comes from; absent when none was built yet.")
        @Nullable
        UUID modelId,

        @Schema(description = "The recommendations; may be empty.")
        List<Item> items,

        @Schema(description = "Why the list is empty; absent otherwise.", example = "The customer is erased.") @Nullable
        String reason) {

    @Schema(name = "Recommendation", description = "A product to offer, and why.")
    record Item(
            @Schema(description = "The product.", example = "22727")
            String productId,

            @Schema(description = "Its name, when the catalogue has one.") @Nullable
            String name,

            @Schema(
                    description = "The sum, over the products the customer bought, of similarity times a weight "
                            + "that halves (recencyDecay) with each order since the product was last bought; 0 for "
                            + "POPULAR.",
                    example = "0.7166")
            double score,

            @Schema(
                    description = "SIMILAR: bought by the buyers of what the customer bought (a repeat-purchase "
                            + "item the customer bought counts itself); POPULAR: among the most bought products of "
                            + "the customer's segment, for customers without purchases or to fill a short list.")
            Recommendation.Source source,

            @Schema(
                    description = "Up to 3 products the customer bought that explain it, strongest first "
                            + "(\"because you bought ...\"); empty for POPULAR.")
            List<String> because) {}
}
