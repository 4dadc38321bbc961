package dev.retention.app;

import java.util.Currency;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code retention.*}.
 *
 * @param currency the deployment's reporting currency; amounts in any other currency are refused
 * @param demoData load the demo data set into an empty database at start-up
 */
@ConfigurationProperties("retention")
public record RetentionProperties(
        @DefaultValue("EUR") Currency currency,
        @DefaultValue("false") boolean demoData) {}
