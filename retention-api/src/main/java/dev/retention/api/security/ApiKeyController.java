package dev.retention.api.security;

import dev.retention.api.shared.PageResponse;
import dev.retention.api.shared.Paging;
import dev.retention.api.shared.ResponseHeaders;
import dev.retention.domain.security.FindApiKeys;
import dev.retention.domain.security.IssueApiKey;
import dev.retention.domain.security.IssuedApiKey;
import dev.retention.domain.security.RevokeApiKey;
import dev.retention.domain.security.Scope;
import dev.retention.domain.shared.InvalidInputException;
import dev.retention.domain.shared.Violation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/api-keys")
@Tag(name = "Administration", description = "API keys and the audit log; needs the admin scope.")
class ApiKeyController {

    private final FindApiKeys findApiKeys;
    private final IssueApiKey issueApiKey;
    private final RevokeApiKey revokeApiKey;
    private final SecurityApiMapper mapper;
    private final Clock clock;
    private final ApiKeyCache apiKeyCache;

    ApiKeyController(
            FindApiKeys findApiKeys,
            IssueApiKey issueApiKey,
            RevokeApiKey revokeApiKey,
            SecurityApiMapper mapper,
            Clock clock,
            ApiKeyCache apiKeyCache) {
        this.apiKeyCache = apiKeyCache;
        this.findApiKeys = findApiKeys;
        this.issueApiKey = issueApiKey;
        this.revokeApiKey = revokeApiKey;
        this.mapper = mapper;
        this.clock = clock;
    }

    @ResponseHeaders(location = true)
    @PostMapping
    @Operation(
            operationId = "createApiKey",
            summary = "Issue an API key",
            description = "Issues a random key (256 bits) with the given scopes. The key is in this answer only; the "
                    + "service stores just its hash.")
    @ApiResponse(responseCode = "201", description = "Issued; the answer holds the key.")
    @ApiResponse(responseCode = "400", description = "Missing name, unknown scope or past expiry.")
    ResponseEntity<IssuedApiKeyResponse> create(@RequestBody CreateApiKeyRequest request) {
        IssuedApiKey issued =
                issueApiKey.issue(request.name(), scopes(request.scopes()), request.expiresAt(), CurrentActor.get());
        return ResponseEntity.created(
                        URI.create("/api/v1/admin/api-keys/" + issued.key().id()))
                .body(new IssuedApiKeyResponse(issued.secret(), mapper.toResponse(issued.key(), clock)));
    }

    @GetMapping
    @Operation(
            operationId = "listApiKeys",
            summary = "List API keys",
            description = "All keys, newest first, revoked and expired ones included; never the keys themselves.")
    @ApiResponse(responseCode = "200", description = "One page of keys.")
    PageResponse<ApiKeyResponse> list(
            @Parameter(description = "Zero-based page number.") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 500.") @RequestParam(defaultValue = Paging.DEFAULT_SIZE)
                    int size) {
        return PageResponse.of(findApiKeys.all(Paging.of(page, size)), key -> mapper.toResponse(key, clock));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getApiKey", summary = "Get one API key", description = "The stored key, without the key.")
    @ApiResponse(responseCode = "200", description = "The key.")
    @ApiResponse(responseCode = "404", description = "No key has this id.")
    ApiKeyResponse get(@Parameter(description = "The key's id.") @PathVariable UUID id) {
        return mapper.toResponse(findApiKeys.byId(id), clock);
    }

    @DeleteMapping("/{id}")
    @Operation(
            operationId = "revokeApiKey",
            summary = "Revoke an API key",
            description = "The key stops working at once (401); revoking again changes nothing. Audited.")
    @ApiResponse(responseCode = "204", description = "Revoked.")
    @ApiResponse(responseCode = "404", description = "No key has this id.")
    ResponseEntity<Void> revoke(@Parameter(description = "The key's id.") @PathVariable UUID id) {
        revokeApiKey.revoke(id, CurrentActor.get());
        apiKeyCache.forgetAll();
        return ResponseEntity.noContent().build();
    }

    private static Set<Scope> scopes(List<String> values) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        List<Violation> violations = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                Scope.fromValue(value)
                        .ifPresentOrElse(
                                scopes::add,
                                () -> violations.add(new Violation(
                                        "scopes",
                                        "'" + value + "' is not a scope; known: " + List.of(Scope.values()))));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return scopes;
    }
}
