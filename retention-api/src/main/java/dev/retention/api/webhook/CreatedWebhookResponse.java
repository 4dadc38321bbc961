package dev.retention.api.webhook;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "A new subscription and its signing secret. The secret is shown only in this answer: store it.")
record CreatedWebhookResponse(
        @Schema(
                description = "The secret that signs every message (whsec_ and base64; the HMAC key is the decoded "
                        + "base64). Verify webhook-signature = v1,base64(HMAC-SHA256(key, webhook-id + \".\" + "
                        + "webhook-timestamp + \".\" + body)).",
                example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String secret,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) WebhookResponse webhook) {}
