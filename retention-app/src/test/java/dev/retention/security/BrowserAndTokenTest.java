package dev.retention.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.retention.support.ApiTest;
import dev.retention.support.Http.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** CORS, rate limits and JWT bearer tokens, in a context configured for them. */
class BrowserAndTokenTest extends ApiTest {

    private static final KeyPair TRUSTED = rsaKeyPair();
    private static final KeyPair UNTRUSTED = rsaKeyPair();

    @DynamicPropertySource
    static void browserAndTokens(DynamicPropertyRegistry registry) {
        registry.add("retention.cors.allowed-origins", () -> "https://crm.example.com");
        registry.add("retention.rate-limit.enabled", () -> "true");
        registry.add("retention.rate-limit.capacity", () -> "5");
        registry.add("retention.rate-limit.per-second", () -> "1");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + publicKeyFile());
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path publicKeyFile() {
        try {
            Path file = Files.createTempFile("retention-jwt", ".pem");
            Files.writeString(
                    file,
                    "-----BEGIN PUBLIC KEY-----\n"
                            + Base64.getMimeEncoder()
                                    .encodeToString(TRUSTED.getPublic().getEncoded())
                            + "\n-----END PUBLIC KEY-----\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String jwt(KeyPair signer, String subject, String scope) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .claim("scope", scope)
                .issueTime(new Date())
                .expirationTime(new Date(System.currentTimeMillis() + 600_000))
                .build();
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        token.sign(new RSASSASigner(signer.getPrivate()));
        return token.serialize();
    }

    private Response withToken(String method, String path, String token, Object body) {
        return http.anonymous()
                .send(method, path, body, "application/json", Map.of("Authorization", "Bearer " + token));
    }

    @Test
    void aJwtSignedByTheTrustedKeyGrantsItsScopes() throws Exception {
        String reader = jwt(TRUSTED, "dashboard-user", "customers:read metrics:read");

        assertThat(withToken("GET", "/api/v1/customers", reader, null).status()).isEqualTo(200);
        Response write = withToken("POST", "/api/v1/customers", reader, Map.of("externalId", "crm-1"));
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.json().get("requiredScope").asString()).isEqualTo("customers:write");
    }

    @Test
    void aJwtSignedByAnotherKeyIsRefused() throws Exception {
        Response response = withToken("GET", "/api/v1/customers", jwt(UNTRUSTED, "intruder", "admin"), null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void erasureByAJwtIsAuditedUnderItsSubject() throws Exception {
        String writer = jwt(TRUSTED, "privacy-officer", "customers:write");
        String id = http.post("/api/v1/customers", Map.of("externalId", "crm-9"))
                .json()
                .get("id")
                .asString();

        assertThat(withToken("DELETE", "/api/v1/customers/" + id, writer, null).status())
                .isEqualTo(204);

        assertThat(jdbc.queryForObject(
                        "select actor from audit_entry where action = 'customer.erased' " + "and target = ?",
                        String.class,
                        "customer:" + id))
                .isEqualTo("jwt:privacy-officer");
    }

    @Test
    void aCredentialOverItsRateGets429WithRetryAfter() throws Exception {
        String token = jwt(TRUSTED, "busy-poller", "customers:read");
        int ok = 0;
        Response limited = null;
        for (int i = 0; i < 10 && limited == null; i++) {
            Response response = withToken("GET", "/api/v1/customers", token, null);
            if (response.status() == 429) {
                limited = response;
            } else {
                ok++;
            }
        }

        assertThat(ok).isBetween(5, 6);
        assertThat(limited).isNotNull();
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isPositive();
        assertThat(limited.json().get("type").asString()).endsWith("/rate-limited");
        String other = jwt(TRUSTED, "quiet-poller", "customers:read");
        assertThat(withToken("GET", "/api/v1/customers", other, null).status()).isEqualTo(200);
    }

    @Test
    void preflightFromAnAllowedOriginIsAnswered() {
        Response allowed = http.anonymous()
                .send(
                        "OPTIONS",
                        "/api/v1/customers",
                        null,
                        "application/json",
                        Map.of(
                                "Origin",
                                "https://crm.example.com",
                                "Access-Control-Request-Method",
                                "POST",
                                "Access-Control-Request-Headers",
                                "authorization,content-type"));
        Response foreign = http.anonymous()
                .send(
                        "OPTIONS",
                        "/api/v1/customers",
                        null,
                        "application/json",
                        Map.of("Origin", "https://evil.example.net", "Access-Control-Request-Method", "POST"));

        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://crm.example.com");
        assertThat(allowed.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
    }
}
