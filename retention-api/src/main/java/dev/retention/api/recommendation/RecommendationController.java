package dev.retention.api.recommendation;

import dev.retention.api.shared.PageResponse;
import dev.retention.api.shared.Paging;
import dev.retention.api.shared.ReportCache;
import dev.retention.api.shared.ResponseHeaders;
import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.recommendation.CustomerRecommendations;
import dev.retention.domain.recommendation.OfflineEvaluation;
import dev.retention.domain.recommendation.RankingQuality;
import dev.retention.domain.recommendation.RecommendProducts;
import dev.retention.domain.recommendation.RecommendationBuild;
import dev.retention.domain.recommendation.RecommendationSettings;
import dev.retention.domain.recommendation.RequestRecommendationBuild;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

@RestController
@Tag(
        name = "Recommendations",
        description = "Item-to-item recommendations from co-purchase: build the model (models:write; reading builds "
                + "needs metrics:read), then ask for a customer's recommendations (customers:read).")
class RecommendationController {

    private final RecommendProducts recommendations;
    private final RequestRecommendationBuild builds;
    private final ReportCache cache;

    RecommendationController(RecommendProducts recommendations, RequestRecommendationBuild builds, ReportCache cache) {
        this.recommendations = recommendations;
        this.builds = builds;
        this.cache = cache;
    }

    @GetMapping("/api/v1/customers/{id}/recommendations")
    @Operation(
            operationId = "getCustomerRecommendations",
            summary = "Products to offer a customer, with why",
            description = "From the latest recommendation model: products bought by the buyers of what this "
                    + "customer bought, weighted towards the latest orders, each with the products that explain it. "
                    + "Products the customer bought are left out unless they are repeat-purchase items; inactive "
                    + "products never appear. A customer without purchases, or a short list, gets the most bought "
                    + "products of the customer's segment (of everyone when the segment has none). An empty list "
                    + "comes with its reason. Cached until the data changes.")
    @ApiResponse(responseCode = "200", description = "The recommendations.")
    @ApiResponse(responseCode = "400", description = "limit out of range.")
    @ApiResponse(responseCode = "404", description = "No customer has this id.")
    @ResponseHeaders(conditionalGet = true)
    ResponseEntity<CustomerRecommendationsResponse> forCustomer(
            @Parameter(description = "The customer's id.") @PathVariable UUID id,
            @Parameter(description = "How many, 1 to 500; default 10.") @RequestParam(defaultValue = "10") int limit,
            WebRequest request) {
        return cache.answer(
                "recommendations|" + id + "|" + limit,
                request,
                () -> response(recommendations.forCustomer(CustomerId.of(id), limit)));
    }

    @PostMapping("/api/v1/recommendation-models")
    @Operation(
            operationId = "buildRecommendationModel",
            summary = "Build the recommendation model",
            description = "Reads every customer's purchases with products (order lines, or the one productId of a "
                    + "purchase) in the background, and computes each product's similar products: cosine of the "
                    + "buyers, damped by support, the top `neighbours` kept. With evaluate, also scores the model "
                    + "on each customer's latest order against the popularity baseline. The model serves once the "
                    + "build succeeded; the service also rebuilds it on a schedule.")
    @ApiResponse(responseCode = "202", description = "Queued; follow the Location.")
    @ApiResponse(responseCode = "400", description = "A setting is malformed.")
    @ApiResponse(responseCode = "422", description = "A setting is out of range; errors names it.")
    ResponseEntity<RecommendationModelResponse> build(
            @RequestBody(required = false) RecommendationModelRequest request) {
        RecommendationModelRequest given =
                request == null ? new RecommendationModelRequest(null, null, null, null, null, null, null) : request;
        RecommendationSettings defaults = RecommendationSettings.DEFAULTS;
        RecommendationSettings settings = new RecommendationSettings(
                given.neighbours() == null ? defaults.neighbours() : given.neighbours(),
                given.minimumCoBuyers() == null ? defaults.minimumCoBuyers() : given.minimumCoBuyers(),
                given.shrinkage() == null ? defaults.shrinkage() : given.shrinkage(),
                given.recencyDecay() == null ? defaults.recencyDecay() : given.recencyDecay(),
                given.repeatShare() == null ? defaults.repeatShare() : given.repeatShare(),
                given.repeatMinimumBuyers() == null ? defaults.repeatMinimumBuyers() : given.repeatMinimumBuyers());
        RecommendationBuild build = builds.request(settings, Boolean.TRUE.equals(given.evaluate()));
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/v1/recommendation-models/" + build.id()))
                .body(response(build));
    }

    @GetMapping("/api/v1/recommendation-models/{id}")
    @Operation(operationId = "getRecommendationModel", summary = "A build of the recommendation model")
    @ApiResponse(responseCode = "200", description = "The build, with its evaluation when asked for and done.")
    @ApiResponse(responseCode = "404", description = "No build has this id.")
    RecommendationModelResponse get(@Parameter(description = "The build's id.") @PathVariable UUID id) {
        return response(builds.get(id));
    }

    @GetMapping("/api/v1/recommendation-models")
    @Operation(
            operationId = "listRecommendationModels",
            summary = "Builds of the recommendation model",
            description = "Newest first.")
    @ApiResponse(responseCode = "200", description = "One page.")
    PageResponse<RecommendationModelResponse> list(
            @Parameter(description = "Zero-based page number.") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 500.") @RequestParam(defaultValue = Paging.DEFAULT_SIZE)
                    int size) {
        return PageResponse.of(builds.list(Paging.of(page, size)), RecommendationController::response);
    }

    private static CustomerRecommendationsResponse response(CustomerRecommendations recommendations) {
        return new CustomerRecommendationsResponse(
                recommendations.customerId().value(),
                recommendations.modelId(),
                recommendations.items().stream()
                        .map(item -> new CustomerRecommendationsResponse.Item(
                                item.productId(),
                                recommendations.names().get(item.productId()),
                                item.score(),
                                item.source(),
                                item.because()))
                        .toList(),
                recommendations.reason());
    }

    private static RecommendationModelResponse response(RecommendationBuild build) {
        RecommendationSettings settings = build.settings();
        RecommendationBuild.Counts counts = build.counts();
        return new RecommendationModelResponse(
                build.id(),
                build.status(),
                new RecommendationModelResponse.Settings(
                        settings.neighbours(),
                        settings.minimumCoBuyers(),
                        settings.shrinkage(),
                        settings.recencyDecay(),
                        settings.repeatShare(),
                        settings.repeatMinimumBuyers()),
                build.evaluate(),
                counts == null ? null : counts.customers(),
                counts == null ? null : counts.orders(),
                counts == null ? null : counts.products(),
                counts == null ? null : counts.pairs(),
                evaluation(build.evaluation()),
                build.error(),
                build.createdAt(),
                build.startedAt(),
                build.finishedAt());
    }

    private static RecommendationModelResponse.Evaluation evaluation(OfflineEvaluation.Result result) {
        if (result == null) {
            return null;
        }
        double ratio = result.hitRateRatio();
        return new RecommendationModelResponse.Evaluation(
                result.k(),
                result.customersEvaluated(),
                quality(result.itemToItem()),
                quality(result.popularity()),
                Double.isNaN(ratio) ? null : ratio);
    }

    private static RecommendationModelResponse.Quality quality(RankingQuality quality) {
        return new RecommendationModelResponse.Quality(
                quality.hitRate(),
                quality.precision(),
                quality.recall(),
                quality.meanAveragePrecision(),
                quality.coverage());
    }
}
