package dev.retention.api.security;

import static dev.retention.api.shared.ProblemAssertions.problem;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.retention.api.shared.SliceReporting;
import dev.retention.api.shared.WebSliceTest;
import dev.retention.domain.security.ApiKey;
import dev.retention.domain.security.FindApiKeys;
import dev.retention.domain.security.IssueApiKey;
import dev.retention.domain.security.IssuedApiKey;
import dev.retention.domain.security.RevokeApiKey;
import dev.retention.domain.security.Scope;
import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import dev.retention.domain.shared.ResourceNotFoundException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** API keys over HTTP: issued once with the key, listed with their status, revoked at once, unknown scopes refused. */
@WebSliceTest
@Import({ApiKeyController.class, SecurityApiMapperImpl.class, SliceReporting.class})
class ApiKeyControllerTest {

    private static final UUID ID = UUID.fromString("4e5f6a7b-8c9d-4e0f-9a1b-2c3d4e5f6a7b");

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private FindApiKeys findApiKeys;

    @MockitoBean
    private IssueApiKey issueApiKey;

    @MockitoBean
    private RevokeApiKey revokeApiKey;

    @MockitoBean
    private ApiKeyCache apiKeyCache;

    private static ApiKey key(Instant expiresAt, Instant revokedAt) {
        return new ApiKey(
                ID,
                "dashboard",
                "rk_4e5f",
                "hash",
                EnumSet.of(Scope.METRICS_READ, Scope.CUSTOMERS_READ),
                Instant.parse("2026-11-01T00:00:00Z"),
                "api-key:admin",
                null,
                expiresAt,
                revokedAt);
    }

    @Test
    void anIssuedKeyIsInTheAnswerOnceWithItsScopesSorted() throws Exception {
        given(issueApiKey.issue(eq("dashboard"), eq(Set.of(Scope.METRICS_READ, Scope.CUSTOMERS_READ)), eq(null), any()))
                .willReturn(new IssuedApiKey(key(null, null), "rk_4e5f_secret"));

        mvc.perform(post("/api/v1/admin/api-keys")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"dashboard\",\"scopes\":[\"metrics:read\",\"customers:read\"]}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/admin/api-keys/" + ID))
                .andExpect(jsonPath("$.key").value("rk_4e5f_secret"))
                .andExpect(jsonPath("$.apiKey.scopes[0]").value("customers:read"))
                .andExpect(jsonPath("$.apiKey.scopes[1]").value("metrics:read"))
                .andExpect(jsonPath("$.apiKey.status").value("ACTIVE"))
                .andExpect(jsonPath("$.apiKey.hash").doesNotExist());
    }

    @Test
    void everyUnknownScopeIsNamedAndNoKeyIsIssued() throws Exception {
        mvc.perform(post("/api/v1/admin/api-keys")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\",\"scopes\":[\"metrics:read\",\"root\",\"everything\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(problem(400, "invalid-input"))
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[0].field").value("scopes"))
                .andExpect(jsonPath("$.errors[0].message").value(startsWith("'root' is not a scope")));

        verifyNoInteractions(issueApiKey);
    }

    @Test
    void theStatusOfAKeyIsJudgedByTheClock() throws Exception {
        given(findApiKeys.all(new PageRequest(0, 50)))
                .willReturn(new Page<>(
                        List.of(
                                key(SliceReporting.NOW.minusSeconds(1), null),
                                key(SliceReporting.NOW.plusSeconds(1), null),
                                key(null, SliceReporting.NOW.minusSeconds(60))),
                        0,
                        50,
                        3));

        mvc.perform(get("/api/v1/admin/api-keys"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].status").value("EXPIRED"))
                .andExpect(jsonPath("$.items[1].status").value("ACTIVE"))
                .andExpect(jsonPath("$.items[2].status").value("REVOKED"));
    }

    @Test
    void revokingForgetsTheCachedKeysAtOnce() throws Exception {
        mvc.perform(delete("/api/v1/admin/api-keys/{id}", ID)).andExpect(status().isNoContent());

        verify(revokeApiKey).revoke(eq(ID), any());
        verify(apiKeyCache).forgetAll();
    }

    @Test
    void revokingAnUnknownKeyIsNotFoundAndForgetsNothing() throws Exception {
        willThrow(new ResourceNotFoundException("API key", ID))
                .given(revokeApiKey)
                .revoke(eq(ID), any());

        mvc.perform(delete("/api/v1/admin/api-keys/{id}", ID))
                .andExpect(status().isNotFound())
                .andExpect(problem(404, "not-found"));

        verify(apiKeyCache, never()).forgetAll();
    }
}
