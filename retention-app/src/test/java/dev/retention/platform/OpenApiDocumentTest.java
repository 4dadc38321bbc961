package dev.retention.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.support.ApiTest;
import dev.retention.support.Http.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OpenApiDocumentTest extends ApiTest {

    @Test
    void everyOperationHasAStableIdASummaryAndADescription() {
        JsonNode document = http.get("/v3/api-docs").json();
        List<String> operationIds = new ArrayList<>();
        List<String> undocumented = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                JsonNode body = operation.getValue();
                operationIds.add(body.path("operationId").asString(""));
                if (body.path("description").asString("").isBlank()
                        || body.path("summary").asString("").isBlank()) {
                    undocumented.add(operation.getKey() + " " + path.getKey());
                }
                for (JsonNode parameter : body.path("parameters")) {
                    if (parameter.path("description").asString("").isBlank()) {
                        undocumented.add(parameter.path("name").asString() + " of " + path.getKey());
                    }
                }
            }
        }

        assertThat(operationIds)
                .contains(
                        "createCustomer",
                        "getCustomer",
                        "listCustomers",
                        "updateCustomer",
                        "eraseCustomer",
                        "recordEvent",
                        "listCustomerEvents",
                        "recordEventBatch");
        assertThat(undocumented).isEmpty();
    }

    @Test
    void everySchemaIsDescribed() {
        JsonNode schemas = http.get("/v3/api-docs").json().get("components").get("schemas");
        List<String> undescribed = new ArrayList<>();
        for (Map.Entry<String, JsonNode> schema : schemas.properties()) {
            if (schema.getValue().path("description").asString("").isBlank()) {
                undescribed.add(schema.getKey());
            }
        }

        assertThat(undescribed).isEmpty();
    }

    @Test
    void swaggerUiIsServed() {
        Response response = http.get("/swagger-ui/index.html");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("swagger-ui");
    }
}
