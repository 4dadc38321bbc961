package dev.retention.api.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Browser and abuse settings.
 *
 * @param corsAllowedOrigins origins a browser may call from ({@code retention.cors.allowed-origins}); none by default
 * @param rateLimit requests per credential
 * @param maxBodyBytes the largest request body accepted
 * @param maxImportBytes the largest CSV file an import accepts ({@code retention.max-import-bytes})
 */
@ConfigurationProperties("retention")
public record SecuritySettings(
        @DefaultValue Cors cors,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue("8388608") long maxBodyBytes,
        @DefaultValue("2147483648") long maxImportBytes) {

    /** @param allowedOrigins such as {@code https://crm.example.com} */
    public record Cors(@DefaultValue List<String> allowedOrigins) {}

    /**
     * A token bucket per credential: {@code capacity} requests at once, refilled at {@code perSecond}.
     *
     * @param enabled whether to limit at all
     */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("200") long capacity,
            @DefaultValue("100") long perSecond) {}
}
