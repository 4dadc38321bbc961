package dev.retention.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.support.ApiTest;
import dev.retention.support.Http.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** CSV imports over HTTP: rows stored through the event rules, bad rows set aside with reasons, re-runs idempotent. */
class ImportApiTest extends ApiTest {

    private static final String FILE = """
            Customer ID;Event;Date;Amount;Product
            crm-1;PURCHASE;2026-03-01 10:15;25.50;"Mug; blue"
            crm-1;purchase;2026-03-08 09:00;10;Tea
            crm-2;ACQUIRED;2026-03-02 12:00;;
            crm-2;REFUND;2026-03-05 12:00;-5;Tea
            crm-3;PURCHASE;yesterday;12;Tea
            crm-3;SALE;2026-03-05 12:00;12;Tea
            crm-4;LOGIN;2026-03-06 08:30;;

            crm-4;SUBSCRIPTION;2026-03-06 08:31;19.99;Plan
            """;

    private JsonNode create(Map<String, Object> mapping) {
        Response created = http.post("/api/v1/imports", mapping);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("status").asString()).isEqualTo("AWAITING_FILE");
        return created.json();
    }

    private static Map<String, Object> mapping() {
        return new HashMap<>(Map.of(
                "columns",
                Map.of(
                        "externalId", "Customer ID",
                        "type", "Event",
                        "occurredAt", "Date",
                        "amount", "Amount",
                        "productId", "Product"),
                "currency",
                "EUR",
                "zone",
                "Europe/London",
                "timestampPattern",
                "yyyy-MM-dd HH:mm",
                "delimiter",
                ";"));
    }

    private Response upload(String id, String file) {
        return http.sendBytes(
                "PUT", "/api/v1/imports/" + id + "/file", file.getBytes(StandardCharsets.UTF_8), "text/csv", Map.of());
    }

    private JsonNode awaitFinished(String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode job = http.get("/api/v1/imports/" + id).json();
            String status = job.get("status").asString();
            if (status.equals("SUCCEEDED") || status.equals("FAILED")) {
                return job;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("import " + id + " did not finish within 60 s");
    }

    @Test
    void goodRowsAreStoredAndBadOnesSetAsideWithTheirReasonsAndLines() throws Exception {
        String id = create(mapping()).get("id").asString();

        Response received = upload(id, FILE);
        JsonNode job = awaitFinished(id);

        assertThat(received.status()).as(received.toString()).isEqualTo(202);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("rowsRead").asLong()).isEqualTo(8);
        assertThat(job.get("stored").asLong()).isEqualTo(5);
        assertThat(job.get("refused").asLong()).isEqualTo(3);
        assertThat(job.get("duplicates").asLong()).isZero();
        assertThat(job.get("percent").asDouble()).isEqualTo(100.0);
        assertThat(job.get("fileBytes").asLong()).isEqualTo(FILE.getBytes(StandardCharsets.UTF_8).length);

        String customer = http.get("/api/v1/customers?externalId=crm-1")
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asString();
        JsonNode events =
                http.get("/api/v1/customers/" + customer + "/events").json().get("items");
        assertThat(events).hasSize(2);
        // 10:15 in London on 1 March (GMT) is 10:15 UTC; the quoted product keeps its delimiter
        assertThat(events.get(0).get("occurredAt").asString()).isEqualTo("2026-03-01T10:15:00Z");
        assertThat(events.get(0).get("productId").asString()).isEqualTo("Mug; blue");
        assertThat(events.get(0).get("amount").decimalValue()).isEqualByComparingTo("25.50");
        assertThat(events.get(1).get("type").asString()).isEqualTo("PURCHASE");

        Response refused = http.send("GET", "/api/v1/imports/" + id + "/refused", null, null, Map.of());
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.header("Content-Type")).startsWith("text/csv");
        List<String> lines = refused.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("line,reason,row");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith("5,").contains("amount").contains("crm-2;REFUND");
        assertThat(lines.get(2)).startsWith("6,").contains("occurredAt 'yesterday' is not a time");
        assertThat(lines.get(3)).startsWith("7,").contains("type 'SALE' is not an event type");
    }

    @Test
    void importingTheSameFileAgainStoresNothingTwice() throws Exception {
        String first = create(mapping()).get("id").asString();
        upload(first, FILE);
        awaitFinished(first);
        String second = create(mapping()).get("id").asString();

        upload(second, FILE);
        JsonNode again = awaitFinished(second);

        assertThat(again.get("stored").asLong()).isZero();
        assertThat(again.get("duplicates").asLong()).isEqualTo(5);
        assertThat(again.get("refused").asLong()).isEqualTo(3);
        assertThat(count("customer_event")).isEqualTo(5);
        assertThat(upload(second, FILE).status())
                .as("a second file for the same import")
                .isEqualTo(409);
    }

    @Test
    void aMappingWithoutCustomerOrTimeIsRefusedAndAFileWithoutAMappedColumnFails() throws Exception {
        Response noTime = http.post(
                "/api/v1/imports", Map.of("columns", Map.of("externalId", "Customer ID"), "type", "PURCHASE"));
        assertThat(noTime.status()).isEqualTo(422);
        assertThat(noTime.body()).contains("occurredAt");
        Response badZone = http.post(
                "/api/v1/imports",
                Map.of("columns", Map.of("externalId", "a", "occurredAt", "b"), "type", "LOGIN", "zone", "Mars/Base"));
        assertThat(badZone.status()).isEqualTo(422);
        assertThat(count("import_job")).isZero();

        String id = create(mapping()).get("id").asString();
        upload(id, "Customer;Event;Date\ncrm-1;LOGIN;2026-03-01 10:00\n");
        JsonNode failed = awaitFinished(id);

        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("error").asString()).contains("Customer ID", "Amount", "Product");
        assertThat(http.get("/api/v1/imports/00000000-0000-0000-0000-000000000001")
                        .status())
                .isEqualTo(404);
    }

    /** 20,000 purchases of 2,000 customers in one file, read and stored in batches, streamed from disk. */
    @Test
    void aLargerFileIsStoredInBatchesWithItsProgress() throws Exception {
        StringBuilder file = new StringBuilder("customer,at,amount\n");
        for (int i = 0; i < 20_000; i++) {
            file.append("crm-")
                    .append(i % 2_000)
                    .append(",2026-0")
                    .append(1 + i % 9)
                    .append("-1")
                    .append(i % 9)
                    .append("T10:")
                    .append(10 + i % 50)
                    .append(":00Z,")
                    .append(1 + i % 97)
                    .append(".5\n");
        }
        String id = create(Map.of(
                        "columns", Map.of("externalId", "customer", "occurredAt", "at", "amount", "amount"),
                        "type", "PURCHASE",
                        "currency", "EUR"))
                .get("id")
                .asString();

        upload(id, file.toString());
        JsonNode job = awaitFinished(id);

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("rowsRead").asLong()).isEqualTo(20_000);
        assertThat(job.get("stored").asLong() + job.get("duplicates").asLong()).isEqualTo(20_000);
        assertThat(job.get("refused").asLong()).isZero();
        assertThat(count("customer_event")).isEqualTo(job.get("stored").asLong());
        assertThat(count("customer")).isEqualTo(2_000);
        assertThat(job.get("rowsPerSecond").asDouble()).isPositive();
        assertThat(http.get("/api/v1/imports").json().get("totalItems").asLong())
                .isEqualTo(1);
    }

    private static final String CUSTOMERS = """
            Id,Name,Email,Segment,Signed up
            crm-1,Ada Lovelace,ada@example.com,retail,2025-06-01
            crm-2,Bob,not-an-email,retail,
            crm-3,Cy,cy@example.com,,2025-07-15 09:30
            crm-1,Ada again,ada@example.com,retail,2025-06-01
            crm-4,Dee,,sme,last spring
            ,Nobody,,,
            """;

    @Test
    void aCustomerFileRegistersItsCustomersOnceAndSetsAsideTheBadRows() throws Exception {
        http.post("/api/v1/customers", Map.of("externalId", "crm-3", "name", "Cy from the API"));
        Map<String, Object> mapping = Map.of(
                "kind",
                "CUSTOMERS",
                "columns",
                Map.of(
                        "externalId",
                        "Id",
                        "name",
                        "Name",
                        "email",
                        "Email",
                        "segment",
                        "Segment",
                        "acquiredAt",
                        "Signed up"),
                "timestampPattern",
                "yyyy-MM-dd[ HH:mm]",
                "zone",
                "Europe/London");
        String id = create(mapping).get("id").asString();

        upload(id, CUSTOMERS);
        JsonNode job = awaitFinished(id);

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("mapping").get("kind").asString()).isEqualTo("CUSTOMERS");
        assertThat(job.get("rowsRead").asLong()).isEqualTo(6);
        // crm-1 registered; crm-3 known already and crm-1 repeated: duplicates; crm-2, crm-4 and the empty id refused
        assertThat(job.get("stored").asLong()).isEqualTo(1);
        assertThat(job.get("duplicates").asLong()).isEqualTo(2);
        assertThat(job.get("refused").asLong()).isEqualTo(3);
        JsonNode ada = http.get("/api/v1/customers?externalId=crm-1")
                .json()
                .get("items")
                .get(0);
        assertThat(ada.get("name").asString()).isEqualTo("Ada Lovelace");
        // midnight of 1 June in London is 23:00 UTC the day before (summer time)
        assertThat(ada.get("acquiredAt").asString()).isEqualTo("2025-05-31T23:00:00Z");
        assertThat(http.get("/api/v1/customers?externalId=crm-3")
                        .json()
                        .get("items")
                        .get(0)
                        .get("name")
                        .asString())
                .as("left as it was")
                .isEqualTo("Cy from the API");
        List<String> refused = http.send("GET", "/api/v1/imports/" + id + "/refused", null, null, Map.of())
                .body()
                .lines()
                .toList();
        assertThat(refused.get(1)).startsWith("3,").contains("email");
        assertThat(refused.get(2)).startsWith("6,").contains("acquiredAt 'last spring' is not a time");
        assertThat(refused.get(3)).startsWith("7,").contains("externalId is required");

        String again = create(mapping).get("id").asString();
        upload(again, CUSTOMERS);
        JsonNode second = awaitFinished(again);
        assertThat(second.get("stored").asLong()).isZero();
        assertThat(second.get("duplicates").asLong()).isEqualTo(3);
        assertThat(count("customer")).isEqualTo(2);
    }

    @Test
    void aCustomerImportWithAnEventsColumnIsRefused() {
        Response refused = http.post(
                "/api/v1/imports",
                Map.of("kind", "CUSTOMERS", "columns", Map.of("externalId", "Id", "occurredAt", "At")));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("columns.occurredAt");
    }

    @Test
    void orderLinesBecomeOnePurchaseOrRefundPerOrder() throws Exception {
        String id = create(Map.of(
                        "columns",
                        Map.of(
                                "orderId",
                                "Order",
                                "externalId",
                                "Customer",
                                "productId",
                                "Sku",
                                "quantity",
                                "Qty",
                                "unitPrice",
                                "Price",
                                "occurredAt",
                                "At",
                                "productName",
                                "Title"),
                        "currency",
                        "EUR",
                        "excludedProducts",
                        List.of("SHIPPING")))
                .get("id")
                .asString();

        upload(id, """
                Order,Customer,Sku,Title,Qty,Price,At
                o-1,crm-1,mug,Blue mug,2,4.50,2026-03-01T10:00:00Z
                o-1,crm-1,tea,Green tea,3,1.25,2026-03-01T10:00:00Z
                o-1,crm-1,SHIPPING,Shipping,1,4.95,2026-03-01T10:00:00Z
                r-1,crm-1,mug,Blue mug,-1,4.50,2026-03-05T10:00:00Z
                """);
        JsonNode job = awaitFinished(id);

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("stored").asLong()).isEqualTo(2);
        assertThat(job.get("refused").asLong()).isEqualTo(1);
        String customer = http.get("/api/v1/customers?externalId=crm-1")
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asString();
        JsonNode events =
                http.get("/api/v1/customers/" + customer + "/events").json().get("items");
        // 2 x 4.50 + 3 x 1.25; the return of one mug is a refund of 4.50
        assertThat(events.get(0).get("type").asString()).isEqualTo("PURCHASE");
        assertThat(events.get(0).get("amount").decimalValue()).isEqualByComparingTo("12.75");
        assertThat(events.get(0).get("eventKey").asString()).isEqualTo("o-1");
        assertThat(events.get(1).get("type").asString()).isEqualTo("REFUND");
        assertThat(events.get(1).get("amount").decimalValue()).isEqualByComparingTo("4.50");
        assertThat(http.get("/api/v1/products/tea").json().get("name").asString())
                .isEqualTo("Green tea");
    }
}
