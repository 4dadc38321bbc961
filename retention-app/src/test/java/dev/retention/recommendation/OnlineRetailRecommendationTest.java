package dev.retention.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.support.ApiTest;
import dev.retention.support.DataSets;
import dev.retention.support.Http.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The real orders of a UK gift retailer (shared data, online-retail/), imported as order lines through the CSV
 * import exactly as the README shows, then the recommendation model built and evaluated on it. The amounts are in
 * pounds, so the reporting currency is GBP here.
 */
@TestPropertySource(properties = "retention.currency=GBP")
class OnlineRetailRecommendationTest extends ApiTest {

    static final List<String> NOT_PRODUCTS = List.of("POST", "DOT", "M", "D", "CRUK", "BANK CHARGES", "AMAZONFEE");

    private static byte[] file() throws IOException {
        Path gz = DataSets.require("online-retail", "online_retail_two_thirds.csv.gz");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    private JsonNode await(String location) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode resource = http.get(location).json();
            String status = resource.get("status").asString();
            if (status.equals("SUCCEEDED") || status.equals("FAILED")) {
                return resource;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(location + " did not finish within 5 minutes");
    }

    @Test
    void itemToItemBeatsPopularityByHalfAgainOnTheRetailersOrders() throws Exception {
        byte[] file = file();
        Response created = http.post(
                "/api/v1/imports",
                Map.of(
                        "columns",
                        Map.of(
                                "orderId", "InvoiceNo",
                                "productId", "StockCode",
                                "productName", "Description",
                                "quantity", "Quantity",
                                "unitPrice", "UnitPrice",
                                "occurredAt", "InvoiceDate",
                                "externalId", "CustomerID"),
                        "currency",
                        "GBP",
                        "zone",
                        "Europe/London",
                        "timestampPattern",
                        "yyyy-MM-dd HH:mm:ss",
                        "excludedProducts",
                        NOT_PRODUCTS));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String importId = created.json().get("id").asString();
        http.sendBytes("PUT", "/api/v1/imports/" + importId + "/file", file, "text/csv", Map.of());
        JsonNode imported = await("/api/v1/imports/" + importId);

        assertThat(imported.get("status").asString()).as(imported.toString()).isEqualTo("SUCCEEDED");
        assertThat(imported.get("rowsRead").asLong()).isEqualTo(263_229);
        Counted counted = count(file);
        // Every invoice of the file is one event; the second, non-adjacent part of invoice 542806 is refused, its
        // key taken by the first part with other lines.
        assertThat(imported.get("stored").asLong()).isEqualTo(counted.orders());
        String refused = http.get("/api/v1/imports/" + importId + "/refused").body();
        assertThat(refused).contains("'POST' is excluded").contains("key");
        assertThat(count("customer_event_line"))
                .isEqualTo(counted.productLines()
                        - refused.lines().filter(line -> line.contains("key")).count());
        assertThat(http.get("/api/v1/products/85123A").json().get("name").asString())
                .isEqualTo("WHITE HANGING HEART T-LIGHT HOLDER");

        Response accepted = http.post("/api/v1/recommendation-models", Map.of("evaluate", true));
        JsonNode build = await(accepted.header("Location"));

        assertThat(build.get("status").asString()).as(build.toString()).isEqualTo("SUCCEEDED");
        JsonNode evaluation = build.get("evaluation");
        assertThat(evaluation.get("k").asInt()).isEqualTo(10);
        assertThat(evaluation.get("customersEvaluated").asInt()).isEqualTo(counted.customersWithTwoOrders());
        double itemToItem = evaluation.get("itemToItem").get("hitRate").asDouble();
        double popularity = evaluation.get("popularity").get("hitRate").asDouble();
        assertThat(itemToItem / popularity).as(evaluation.toString()).isGreaterThanOrEqualTo(1.5);
        assertThat(evaluation.get("hitRateRatio").asDouble()).isEqualTo(itemToItem / popularity);
        assertThat(evaluation.get("itemToItem").get("coverage").asDouble())
                .isGreaterThan(evaluation.get("popularity").get("coverage").asDouble());

        String customer =
                jdbc.queryForObject("select id::text from customer where external_id = '12583.0'", String.class);
        JsonNode recommendations = http.get("/api/v1/customers/" + customer + "/recommendations?limit=5")
                .json();
        assertThat(recommendations.get("items")).hasSize(5);
        assertThat(recommendations.get("items").get(0).get("because")).isNotEmpty();
    }

    /** What the file holds, counted from its text alone. */
    private record Counted(long orders, long productLines, int customersWithTwoOrders) {}

    private static Counted count(byte[] file) {
        Set<String> orders = new HashSet<>();
        Map<String, Set<String>> purchasesByCustomer = new java.util.HashMap<>();
        long productLines = 0;
        List<String> lines =
                new String(file, StandardCharsets.UTF_8).lines().skip(1).toList();
        for (String line : lines) {
            String[] fields = line.split(",");
            String invoice = fields[0];
            String stockCode = fields[1];
            String customer = fields[fields.length - 2];
            if (NOT_PRODUCTS.contains(stockCode)) {
                continue;
            }
            productLines++;
            orders.add(invoice);
            if (!invoice.startsWith("C")) {
                purchasesByCustomer
                        .computeIfAbsent(customer, c -> new HashSet<>())
                        .add(invoice);
            }
        }
        int repeat = (int) purchasesByCustomer.values().stream()
                .filter(invoices -> invoices.size() >= 2)
                .count();
        return new Counted(orders.size(), productLines, repeat);
    }
}
