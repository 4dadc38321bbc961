package dev.retention.api.customer;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Schema(description = "A customer. After erasure, name, email and attributes are empty and erased is true.")
record CustomerResponse(
        @Schema(description = "The service's id of the customer.")
        UUID id,

        @Schema(description = "The CRM's id of the customer.", example = "crm-10042")
        String externalId,

        @Schema(description = "Full name.", example = "Ada Lovelace") @Nullable
        String name,

        @Schema(description = "E-mail address.", example = "ada@example.com") @Nullable
        String email,

        @Schema(description = "Segment.", example = "retail") @Nullable
        String segment,

        @Schema(description = "When the customer was acquired (UTC); null until given or until the first event.")
        @Nullable
        Instant acquiredAt,

        @Schema(description = "String attributes.") Map<String, String> attributes,

        @Schema(description = "When the customer was registered here.")
        Instant createdAt,

        @Schema(description = "When the customer's details last changed.")
        Instant updatedAt,

        @Schema(description = "True once the customer's personal data has been erased.")
        boolean erased,

        @Schema(description = "When the personal data was erased.") @Nullable
        Instant erasedAt,

        @Schema(description = "Optimistic-lock version; also sent as the ETag header.", example = "0")
        long version) {}
