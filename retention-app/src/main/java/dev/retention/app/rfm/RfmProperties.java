package dev.retention.app.rfm;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code retention.rfm.*}.
 *
 * @param keepHistoriesInMemory keep every customer's purchases and refunds in this instance's memory (about 16 bytes
 *     per purchase or refund), so that RFM scores of any window take a fraction of a second instead of a read of every
 *     event; off, the database scores them at each request
 */
@ConfigurationProperties("retention.rfm")
public record RfmProperties(@DefaultValue("true") boolean keepHistoriesInMemory) {}
