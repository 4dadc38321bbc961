package dev.retention.domain.security;

import java.util.Objects;

/** Who did something: an API key (by id and name), a JWT subject, or the service itself. */
public record Actor(String kind, String id, String name) {

    public static final Actor SYSTEM = new Actor("system", "retention", "retention");

    public Actor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static Actor apiKey(ApiKey key) {
        return new Actor("api-key", key.id().toString(), key.name());
    }

    public static Actor jwt(String subject) {
        return new Actor("jwt", subject, subject);
    }

    /** For the audit log, such as {@code api-key:5f0c...(dashboard)}. */
    public String describe() {
        return kind + ":" + id + (name == null || name.equals(id) ? "" : " (" + name + ")");
    }
}
