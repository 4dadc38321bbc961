package dev.retention.api.product;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Schema(description = "The products most often bought by the buyers of one product, most similar first.")
record SimilarProductsResponse(
        @Schema(description = "The product asked about.") String productId,

        @Schema(description = "The recommendation model the answer comes from; absent when none was built yet.")
        @Nullable
        UUID modelId,

        @Schema(description = "The similar products, inactive ones left out; may be empty.")
        List<Item> items,

        @Schema(description = "Why the list is empty; absent otherwise.") @Nullable
        String reason) {

    @Schema(name = "SimilarProduct", description = "A product similar to another one.")
    record Item(
            @Schema(description = "The similar product.", example = "22727")
            String productId,

            @Schema(
                    description = "Cosine similarity of the two products' buyers, damped by support: c / sqrt(n1 * "
                            + "n2) * c / (c + shrinkage), c the customers who bought both.",
                    example = "0.4123")
            double score,

            @Schema(description = "Customers who bought both.", example = "37")
            int coBuyers) {}
}
