package dev.retention.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.support.Http;
import dev.retention.support.Http.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Issues API keys through the admin API for tests. */
public final class Keys {

    static final List<String> ALL_SCOPES = List.of(
            "metrics:read",
            "customers:read",
            "customers:write",
            "events:write",
            "models:write",
            "loyalty:read",
            "loyalty:write",
            "strategies:read",
            "strategies:write",
            "webhooks:write",
            "admin",
            "ops");

    private Keys() {}

    static String issue(Http admin, String name, String... scopes) {
        Response response = admin.post("/api/v1/admin/api-keys", Map.of("name", name, "scopes", Arrays.asList(scopes)));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("key").asString();
    }

    /** A key with every scope except {@code missing} and except admin, which includes all. */
    public static String issueAllBut(Http admin, String missing) {
        String[] scopes = ALL_SCOPES.stream()
                .filter(s -> !s.equals(missing) && !s.equals("admin"))
                .toArray(String[]::new);
        return issue(admin, "all-but-" + missing, scopes);
    }
}
