package dev.retention.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 as Problem Details; the 403 names the scope the operation needs. */
final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        ProblemResponses.write(
                request,
                response,
                HttpStatus.UNAUTHORIZED,
                "unauthenticated",
                "Authentication required",
                "Send an API key as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'.",
                Map.of());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        Access access = ScopeRules.accessFor(request);
        String scope = access.scope() == null ? "" : access.scope().value();
        ProblemResponses.write(
                request,
                response,
                HttpStatus.FORBIDDEN,
                "insufficient-scope",
                "Insufficient scope",
                "This operation needs the scope '" + scope + "', which the credential does not have.",
                Map.of("requiredScope", scope));
    }
}
