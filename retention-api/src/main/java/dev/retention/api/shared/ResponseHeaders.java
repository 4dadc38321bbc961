package dev.retention.api.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the headers an operation sends beyond its body, so that the OpenAPI document lists them (see
 * {@link HeaderDocumentation}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ResponseHeaders {

    /** The success answer carries Location, the address of the resource it created or queued. */
    boolean location() default false;

    /** The success answer carries the resource's version as ETag, for If-Match on a later change. */
    boolean versionTag() default false;

    /**
     * The answer is cacheable: ETag and Cache-Control on 200, and If-None-Match with a current tag gives 304 without
     * a body.
     */
    boolean conditionalGet() default false;
}
