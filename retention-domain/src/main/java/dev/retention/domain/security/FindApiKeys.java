package dev.retention.domain.security;

import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import dev.retention.domain.shared.ResourceNotFoundException;
import java.util.UUID;

/** Looks issued API keys up (never their secrets, which are not kept). */
public class FindApiKeys {

    private final ApiKeys keys;

    public FindApiKeys(ApiKeys keys) {
        this.keys = keys;
    }

    public Page<ApiKey> all(PageRequest page) {
        return keys.list(page);
    }

    /** The key; not found when no key has the id. */
    public ApiKey byId(UUID id) {
        return keys.findById(id).orElseThrow(() -> new ResourceNotFoundException("API key", id));
    }
}
