package dev.retention.api.security;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "A newly issued key. The key is shown only in this answer: store it now.")
record IssuedApiKeyResponse(
        @Schema(description = "The key to send as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'.")
        String key,

        @Schema(description = "The stored key.") ApiKeyResponse apiKey) {}
