package dev.retention.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.api.security.ApiKeyCache;
import dev.retention.app.security.BootstrapAdminKey;
import dev.retention.support.ApiTest;
import dev.retention.support.Http.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class ApiKeyLifecycleTest extends ApiTest {

    @Autowired
    BootstrapAdminKey bootstrapAdminKey;

    @Autowired
    ApiKeyCache apiKeyCache;

    private static String sha256(String value) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aKeyIsShownOnceStoredAsAHashUsableThenRevoked() throws Exception {
        Response created = http.post(
                "/api/v1/admin/api-keys", Map.of("name", "crm-frontend", "scopes", List.of("customers:read")));
        assertThat(created.status()).isEqualTo(201);
        String key = created.json().get("key").asString();
        String id = created.json().get("apiKey").get("id").asString();
        assertThat(key).startsWith("rtn_").hasSizeGreaterThanOrEqualTo(4 + 43);

        String stored = jdbc.queryForObject("select key_hash from api_key where id = ?::uuid", String.class, id);
        assertThat(stored).isNotEqualTo(key).isEqualTo(sha256(key));
        assertThat(http.get("/api/v1/admin/api-keys/" + id).body()).doesNotContain(key);
        assertThat(http.get("/api/v1/admin/api-keys?size=500").body()).doesNotContain(key);

        assertThat(http.withKey(key).get("/api/v1/customers").status()).isEqualTo(200);
        assertThat(http.anonymous()
                        .send("GET", "/api/v1/customers", null, "application/json", Map.of("X-API-Key", key))
                        .status())
                .isEqualTo(200);
        assertThat(http.get("/api/v1/admin/api-keys/" + id).json().get("lastUsedAt"))
                .isNotNull();

        assertThat(http.delete("/api/v1/admin/api-keys/" + id).status()).isEqualTo(204);
        Response afterRevocation = http.withKey(key).get("/api/v1/customers");
        assertThat(afterRevocation.status()).isEqualTo(401);
        assertThat(afterRevocation.json().get("type").asString()).endsWith("/invalid-credential");
        assertThat(http.get("/api/v1/admin/api-keys/" + id).json().get("status").asString())
                .isEqualTo("REVOKED");
    }

    @Test
    void anExpiredKeyIsRefused() {
        Response created = http.post(
                "/api/v1/admin/api-keys",
                Map.of(
                        "name",
                        "short-lived",
                        "scopes",
                        List.of("customers:read"),
                        "expiresAt",
                        "2099-01-01T00:00:00Z"));
        String key = created.json().get("key").asString();
        String id = created.json().get("apiKey").get("id").asString();
        assertThat(http.withKey(key).get("/api/v1/customers").status()).isEqualTo(200);

        jdbc.update("update api_key set expires_at = now() - interval '1 second' where id = ?::uuid", id);
        // Changed behind the service's back, as another instance would: cached keys are read again after the TTL.
        apiKeyCache.forgetAll();

        assertThat(http.withKey(key).get("/api/v1/customers").status()).isEqualTo(401);
        assertThat(http.get("/api/v1/admin/api-keys/" + id).json().get("status").asString())
                .isEqualTo("EXPIRED");
    }

    @Test
    void aCachedKeyStopsWorkingWhenItExpires() throws InterruptedException {
        Instant expiry = Instant.now().plusSeconds(2);
        Response created = http.post(
                "/api/v1/admin/api-keys",
                Map.of("name", "two-seconds", "scopes", List.of("customers:read"), "expiresAt", expiry.toString()));
        String key = created.json().get("key").asString();
        assertThat(http.withKey(key).get("/api/v1/customers").status()).isEqualTo(200);

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiry).toMillis()) + 100);

        assertThat(http.withKey(key).get("/api/v1/customers").status()).isEqualTo(401);
    }

    @Test
    void unknownKeysAndMalformedRequestsForKeysAreRefused() {
        assertThat(http.withKey("rtn_not-a-real-key-000000000000000000000000000")
                        .get("/api/v1/customers")
                        .status())
                .isEqualTo(401);
        Response unknownScope = http.post("/api/v1/admin/api-keys", Map.of("name", "x", "scopes", List.of("root")));
        assertThat(unknownScope.status()).isEqualTo(400);
        assertThat(unknownScope.json().get("errors").get(0).get("field").asString())
                .isEqualTo("scopes");
        Response pastExpiry = http.post(
                "/api/v1/admin/api-keys",
                Map.of("name", "x", "scopes", List.of("ops"), "expiresAt", "2020-01-01T00:00:00Z"));
        assertThat(pastExpiry.status()).isEqualTo(422);
        assertThat(http.delete("/api/v1/admin/api-keys/5f0c9a8e-0b7e-4c57-9f55-0e4a7c1d2b3a")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void adminActionsAreAuditedWithWhoAndWhen() {
        String key = Keys.issue(http, "to-revoke", "ops");
        String id = http.get("/api/v1/admin/api-keys?size=1")
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asString();
        http.delete("/api/v1/admin/api-keys/" + id);
        String customer = http.post("/api/v1/customers", Map.of("externalId", "crm-1"))
                .json()
                .get("id")
                .asString();
        http.delete("/api/v1/customers/" + customer);

        JsonNode entries = http.get("/api/v1/admin/audit?size=3").json().get("items");

        assertThat(entries.get(0).get("action").asString()).isEqualTo("customer.erased");
        assertThat(entries.get(0).get("target").asString()).isEqualTo("customer:" + customer);
        assertThat(entries.get(1).get("action").asString()).isEqualTo("api-key.revoked");
        assertThat(entries.get(2).get("action").asString()).isEqualTo("api-key.created");
        assertThat(entries.get(0).get("actor").asString()).contains("bootstrap-admin");
        assertThat(entries.get(0).get("occurredAt")).isNotNull();
        assertThat(key).isNotBlank();
    }

    @Test
    void aGeneratedBootstrapKeyIsWrittenForItsOwnerOnlyAndWorks() throws Exception {
        Path file = Files.createTempDirectory("retention-key").resolve("data/admin-key");

        bootstrapAdminKey.generateOnFirstStart(true, file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        String key = Files.readString(file).trim();
        assertThat(http.withKey(key).get("/api/v1/admin/api-keys").status()).isEqualTo(200);
    }
}
