package dev.retention.api.webhook;

import dev.retention.api.shared.EnumDocumentation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

@Schema(description = "A webhook subscription to create, or the whole of one to replace.")
record WebhookRequest(
        @Schema(
                description = "Where messages are POSTed: https (http only where configuration allows), at most 2000 "
                        + "characters, not resolving to a loopback, private or link-local address unless "
                        + "configuration allows it.",
                example = "https://crm.example.com/hooks/retention",
                format = "uri",
                maxLength = 2000,
                requiredMode = Schema.RequiredMode.REQUIRED)
        String url,

        @Schema(description = "What the subscription is for, at most 200 characters.", example = "CRM win-back queue")
        String description,

        @ArraySchema(
                arraySchema =
                        @Schema(
                                description = "The kinds of message to receive.",
                                example = "[\"customer.churned\", \"customer.at_risk\"]",
                                requiredMode = Schema.RequiredMode.REQUIRED),
                schema = @Schema(ref = EnumDocumentation.WEBHOOK_KIND),
                minItems = 1)
        List<String> kinds,

        @Schema(description = "What narrows the messages; none when omitted.")
        Filters filters,

        @Schema(
                description = "Whether messages are queued and delivered; default true. While false, nothing "
                        + "new is queued and what was queued waits. Setting true again restarts a subscription "
                        + "stopped after a day of failures.")
        Boolean active) {

    @Schema(name = "WebhookFilters", description = "Filters of a subscription; each one omitted does not filter.")
    record Filters(
            @Schema(
                    description = "Only messages about customers of this segment (messages about no customer, such "
                            + "as strategy.verdict, pass).",
                    example = "retail",
                    maxLength = 64)
            @Nullable
            String segment,

            @Schema(
                    description = "customer.at_risk only when the value at risk is at least this (reporting currency).",
                    example = "100",
                    minimum = "0")
            @Nullable
            BigDecimal minimumValueAtRisk,

            @Schema(
                    description =
                            "The threshold of customer.p_alive_below, above 0 and at most 1; required with that kind.",
                    example = "0.3",
                    exclusiveMinimum = true,
                    minimum = "0",
                    maximum = "1")
            @Nullable
            Double probabilityAliveBelow,

            @Schema(
                    description = "The threshold of metric.threshold: the latest complete month's churn rate in "
                            + "percent, 0 to below 100; required with that kind.",
                    example = "5",
                    minimum = "0",
                    maximum = "100",
                    exclusiveMaximum = true)
            @Nullable
            BigDecimal churnRateAbove) {}
}
