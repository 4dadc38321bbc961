package dev.retention.app.imports;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of CSV imports under {@code retention.imports.*}.
 *
 * @param dir where uploaded files wait for their import (removed when it ends)
 * @param workers imports that run at once on this instance
 */
@ConfigurationProperties("retention.imports")
public record ImportProperties(
        @DefaultValue("./data/imports") Path dir,
        @DefaultValue("2") int workers) {}
