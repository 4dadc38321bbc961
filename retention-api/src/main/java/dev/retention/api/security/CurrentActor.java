package dev.retention.api.security;

import dev.retention.domain.security.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Who makes the current request, for the audit log. */
public final class CurrentActor {

    private CurrentActor() {}

    public static Actor get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof ApiKeyAuthentication apiKey) {
            return apiKey.getPrincipal();
        }
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return Actor.jwt(jwt.getName());
        }
        return new Actor("anonymous", "anonymous", null);
    }
}
