package dev.retention.api.product;

import dev.retention.api.shared.PageResponse;
import dev.retention.api.shared.Paging;
import dev.retention.api.shared.ReportCache;
import dev.retention.api.shared.ResponseHeaders;
import dev.retention.domain.product.ManageProducts;
import dev.retention.domain.product.Product;
import dev.retention.domain.product.ProductDraft;
import dev.retention.domain.product.ProductQuery;
import dev.retention.domain.recommendation.RecommendProducts;
import dev.retention.domain.recommendation.SimilarProducts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

@RestController
@RequestMapping("/api/v1/products")
@Tag(
        name = "Products",
        description = "The product catalogue, filled by upserts and by the products that events and order lines "
                + "name, and each product's similar products. Reading needs customers:read, writing events:write.")
class ProductController {

    private final ManageProducts products;
    private final RecommendProducts recommendations;
    private final ReportCache cache;

    ProductController(ManageProducts products, RecommendProducts recommendations, ReportCache cache) {
        this.products = products;
        this.recommendations = recommendations;
        this.cache = cache;
    }

    @GetMapping
    @Operation(operationId = "listProducts", summary = "List products", description = "In id order.")
    @ApiResponse(responseCode = "200", description = "One page.")
    PageResponse<ProductResponse> list(
            @Parameter(description = "Only active (true) or inactive (false) products.") @RequestParam(required = false)
                    Boolean active,
            @Parameter(description = "Only products of this category.") @RequestParam(required = false) String category,
            @Parameter(description = "Zero-based page number.") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 500.") @RequestParam(defaultValue = Paging.DEFAULT_SIZE)
                    int size) {
        return PageResponse.of(
                products.list(new ProductQuery(active, category), Paging.of(page, size)), ProductController::response);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getProduct", summary = "One product")
    @ApiResponse(responseCode = "200", description = "The product.")
    @ApiResponse(responseCode = "404", description = "No product has this id.")
    ProductResponse get(@Parameter(description = "The product's id (URL-encoded).") @PathVariable String id) {
        return response(products.get(id));
    }

    @PutMapping("/{id}")
    @Operation(
            operationId = "putProduct",
            summary = "Name a product, or add it",
            description = "Creates the product or replaces its name, category and active flag. An inactive product "
                    + "is never recommended; its purchases still count in every figure.")
    @ApiResponse(responseCode = "200", description = "Replaced.")
    @ApiResponse(responseCode = "201", description = "Added to the catalogue.")
    @ApiResponse(responseCode = "400", description = "A field is malformed; errors names it.")
    ResponseEntity<ProductResponse> put(
            @Parameter(description = "The product's id (URL-encoded), 1 to 128 characters.") @PathVariable String id,
            @RequestBody ProductRequest request) {
        ManageProducts.Put put =
                products.put(id, new ProductDraft(request.name(), request.category(), request.active()));
        ProductResponse body = response(put.product());
        return put.created()
                ? ResponseEntity.created(URI.create("/api/v1/products/"
                                + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20")))
                        .body(body)
                : ResponseEntity.ok(body);
    }

    @GetMapping("/{id}/similar")
    @Operation(
            operationId = "listSimilarProducts",
            summary = "Customers who bought this also bought",
            description = "The products most similar to this one in the latest recommendation model, most similar "
                    + "first; inactive products are left out. Empty, with the reason, when no model was built yet "
                    + "or too few customers bought this product with another one. Cached until the data changes.")
    @ApiResponse(responseCode = "200", description = "The similar products.")
    @ApiResponse(responseCode = "400", description = "limit out of range.")
    @ApiResponse(responseCode = "404", description = "No product has this id.")
    @ResponseHeaders(conditionalGet = true)
    ResponseEntity<SimilarProductsResponse> similar(
            @Parameter(description = "The product's id (URL-encoded).") @PathVariable String id,
            @Parameter(description = "How many, 1 to 500; default 10.") @RequestParam(defaultValue = "10") int limit,
            WebRequest request) {
        return cache.answer(
                "similar|" + id + "|" + limit, request, () -> response(recommendations.similarTo(id, limit)));
    }

    private static SimilarProductsResponse response(SimilarProducts similar) {
        return new SimilarProductsResponse(
                similar.productId(),
                similar.modelId(),
                similar.items().stream()
                        .map(item -> new SimilarProductsResponse.Item(item.productId(), item.score(), item.coBuyers()))
                        .toList(),
                similar.reason());
    }

    private static ProductResponse response(Product product) {
        return new ProductResponse(
                product.id(),
                product.name(),
                product.category(),
                product.active(),
                product.createdAt(),
                product.updatedAt());
    }
}
