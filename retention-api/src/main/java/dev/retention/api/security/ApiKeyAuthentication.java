package dev.retention.api.security;

import dev.retention.domain.security.Actor;
import dev.retention.domain.security.ApiKey;
import dev.retention.domain.security.Scope;
import java.util.Collection;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated by an API key; its authorities are {@code SCOPE_<scope>}, as for JWTs. */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final transient Actor actor;

    ApiKeyAuthentication(ApiKey key) {
        super(authorities(key));
        this.actor = Actor.apiKey(key);
        setAuthenticated(true);
    }

    static Collection<GrantedAuthority> authorities(ApiKey key) {
        return key.scopes().stream()
                .map(Scope::value)
                .map(ScopeAuthorities::authority)
                .<GrantedAuthority>map(SimpleGrantedAuthority::new)
                .toList();
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Actor getPrincipal() {
        return actor;
    }

    @Override
    public String getName() {
        return actor.describe();
    }

    static List<String> scopes(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream()
                .map(GrantedAuthority::getAuthority)
                .filter(ScopeAuthorities::isScope)
                .map(ScopeAuthorities::scope)
                .toList();
    }
}
