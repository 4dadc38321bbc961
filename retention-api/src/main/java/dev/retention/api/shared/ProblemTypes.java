package dev.retention.api.shared;

import java.net.URI;

/** The fixed {@code type} URIs of the problems this service reports; each names one kind of problem. */
public final class ProblemTypes {

    private static final String BASE = "https://retention.dev/problems/";

    private ProblemTypes() {}

    public static URI of(String name) {
        return URI.create(BASE + name);
    }
}
