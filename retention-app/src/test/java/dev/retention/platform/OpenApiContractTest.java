package dev.retention.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.support.ApiTest;
import dev.retention.support.Http.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document is a contract: it must equal the committed {@code retention-client/openapi.yaml}, from
 * which the client module generates its code. After a deliberate change of the API, run this test with
 * {@code -Dretention.openapi.write=true} to write the served document over the committed one, and review the diff.
 */
class OpenApiContractTest extends ApiTest {

    private static final Path COMMITTED = Path.of("..", "retention-client", "openapi.yaml");

    @Test
    void theServedDocumentIsTheCommittedOne() throws IOException {
        Response response = http.get("/v3/api-docs.yaml");
        assertThat(response.status()).isEqualTo(200);
        String served = response.body();
        if (Boolean.getBoolean("retention.openapi.write")) {
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
        }
        Path servedCopy = Path.of("target", "openapi-served.yaml");
        Files.createDirectories(servedCopy.getParent());
        Files.writeString(servedCopy, served, StandardCharsets.UTF_8);

        assertThat(served)
                .as(
                        "The served document differs from %s; the served one is in %s. If the change is "
                                + "meant, run this test with -Dretention.openapi.write=true and commit the file.",
                        COMMITTED.toAbsolutePath().normalize(), servedCopy.toAbsolutePath())
                .isEqualTo(Files.readString(COMMITTED, StandardCharsets.UTF_8));
    }
}
