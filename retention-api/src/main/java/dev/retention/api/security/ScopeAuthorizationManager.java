package dev.retention.api.security;

import dev.retention.domain.security.Scope;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/** Grants a request when its credential holds the scope that {@link ScopeRules} asks for, or {@code admin}. */
final class ScopeAuthorizationManager implements AuthorizationManager<RequestAuthorizationContext> {

    @Override
    public AuthorizationResult authorize(
            Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        Access access = ScopeRules.accessFor(context.getRequest());
        if (access.kind() == Access.Kind.PUBLIC) {
            return new AuthorizationDecision(true);
        }
        Authentication current = authentication.get();
        boolean authenticated = current != null
                && current.isAuthenticated()
                && !(current instanceof org.springframework.security.authentication.AnonymousAuthenticationToken);
        if (!authenticated) {
            return new AuthorizationDecision(false);
        }
        return new AuthorizationDecision(access.kind() == Access.Kind.AUTHENTICATED
                || holds(current, access.scope())
                || holds(current, Scope.ADMIN));
    }

    static boolean holds(Authentication authentication, Scope scope) {
        String wanted = ScopeAuthorities.authority(scope.value());
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            if (wanted.equals(authority.getAuthority())) {
                return true;
            }
        }
        return false;
    }
}
