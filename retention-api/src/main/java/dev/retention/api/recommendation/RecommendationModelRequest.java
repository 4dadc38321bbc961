package dev.retention.api.recommendation;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "A build of the recommendation model; every setting is optional.")
record RecommendationModelRequest(
        @Schema(description = "Similar products kept per product, 1 to 200.", defaultValue = "20")
        Integer neighbours,

        @Schema(
                description = "Customers who must have bought both products before they count as similar.",
                defaultValue = "2",
                minimum = "1")
        Integer minimumCoBuyers,

        @Schema(
                description = "Damping of similarities resting on few co-buyers: the cosine is multiplied by "
                        + "c / (c + shrinkage).",
                defaultValue = "5",
                minimum = "0")
        Double shrinkage,

        @Schema(
                description = "Weight of a product bought one order further back, relative to the next, more than "
                        + "0 and at most 1.",
                defaultValue = "0.5")
        Double recencyDecay,

        @Schema(
                description = "Share of a product's buyers who bought it in two or more orders from which it is a "
                        + "repeat-purchase item (offered again to those who bought it), more than 0 and at most 1.",
                defaultValue = "0.2")
        Double repeatShare,

        @Schema(
                description = "Buyers a product needs before its repeat share is trusted.",
                defaultValue = "5",
                minimum = "1")
        Integer repeatMinimumBuyers,

        @Schema(
                description = "Also run the offline evaluation: every customer with two or more orders has the "
                        + "latest held out, and the top 10 from the earlier ones is scored against it, beside the "
                        + "popularity baseline.",
                defaultValue = "false")
        Boolean evaluate) {}
