package dev.retention.api.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an answer that may also be sent as CSV ({@code Accept: text/csv} or {@code format=csv}); see
 * {@link CsvTable} for how its JSON becomes rows and columns.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CsvExport {}
