package dev.retention.api.security;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "Whether a key works: ACTIVE, EXPIRED (past its expiry) or REVOKED.")
enum ApiKeyStatus {
    ACTIVE,
    EXPIRED,
    REVOKED
}
