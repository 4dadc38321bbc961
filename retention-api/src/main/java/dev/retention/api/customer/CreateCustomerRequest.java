package dev.retention.api.customer;

import dev.retention.domain.customer.CustomerRules;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;

@Schema(description = "A customer to register.")
record CreateCustomerRequest(
        @Schema(
                description = "The CRM's id of the customer; unique.",
                example = "crm-10042",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank
        @Size(max = CustomerRules.MAX_EXTERNAL_ID_LENGTH)
        String externalId,

        @Schema(description = "Full name.", example = "Ada Lovelace") @Size(max = CustomerRules.MAX_NAME_LENGTH)
        String name,

        @Schema(description = "E-mail address.", example = "ada@example.com", format = "email")
        @Size(max = CustomerRules.MAX_EMAIL_LENGTH)
        String email,

        @Schema(description = "Free-text segment used to break metrics down.", example = "retail")
        @Size(max = CustomerRules.MAX_SEGMENT_LENGTH)
        String segment,

        @Schema(
                description = "When the customer was acquired (UTC). If omitted, the time of the customer's first "
                        + "event is used.",
                example = "2026-01-15T10:00:00Z")
        Instant acquiredAt,

        @Schema(description = "Up to 50 string attributes.", example = "{\"country\":\"DE\"}")
        @Size(max = CustomerRules.MAX_ATTRIBUTES)
        Map<String, String> attributes) {}
