package dev.retention.api.security;

import dev.retention.domain.security.Scope;

/** What a request needs: nothing, any valid credential, or one scope. */
record Access(Kind kind, Scope scope) {

    enum Kind {
        PUBLIC,
        AUTHENTICATED,
        SCOPE
    }

    static final Access PUBLIC = new Access(Kind.PUBLIC, null);
    static final Access AUTHENTICATED = new Access(Kind.AUTHENTICATED, null);

    static Access scope(Scope scope) {
        return new Access(Kind.SCOPE, scope);
    }
}
