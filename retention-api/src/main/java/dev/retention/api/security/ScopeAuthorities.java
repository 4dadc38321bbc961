package dev.retention.api.security;

/** Scopes travel as Spring Security authorities named {@code SCOPE_<scope>}, the convention for JWT scopes. */
final class ScopeAuthorities {

    static final String PREFIX = "SCOPE_";

    private ScopeAuthorities() {}

    static String authority(String scope) {
        return PREFIX + scope;
    }

    static boolean isScope(String authority) {
        return authority.startsWith(PREFIX);
    }

    static String scope(String authority) {
        return authority.substring(PREFIX.length());
    }
}
