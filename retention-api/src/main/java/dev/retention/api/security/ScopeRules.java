package dev.retention.api.security;

import dev.retention.domain.security.Scope;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which scope each endpoint needs; the first matching rule wins. Health, the OpenAPI document and Swagger UI are
 * open; the rest of Actuator needs {@code ops}; every other {@code /api/**} call needs a credential.
 */
final class ScopeRules {

    private record Rule(HttpMethod method, PathPattern pattern, Access access) {

        boolean matches(HttpMethod requestMethod, PathContainer path) {
            return (method == null || method.equals(requestMethod)) && pattern.matches(path);
        }
    }

    private static final PathPatternParser PARSER = new PathPatternParser();

    private static final List<Rule> RULES = List.of(
            rule(null, "/actuator/health", Access.PUBLIC),
            rule(null, "/actuator/health/**", Access.PUBLIC),
            rule(null, "/actuator/**", Access.scope(Scope.OPS)),
            rule(null, "/v3/api-docs/**", Access.PUBLIC),
            rule(null, "/swagger-ui.html", Access.PUBLIC),
            rule(null, "/swagger-ui/**", Access.PUBLIC),
            rule(null, "/api/v1/admin/**", Access.scope(Scope.ADMIN)),
            rule(HttpMethod.GET, "/api/v1/metrics/**", Access.scope(Scope.METRICS_READ)),
            rule(HttpMethod.GET, "/api/v1/segments/**", Access.scope(Scope.METRICS_READ)),
            rule(HttpMethod.GET, "/api/v1/forecasts/**", Access.scope(Scope.METRICS_READ)),
            rule(HttpMethod.GET, "/api/v1/models/**", Access.scope(Scope.METRICS_READ)),
            rule(null, "/api/v1/models/**", Access.scope(Scope.MODELS_WRITE)),
            rule(HttpMethod.GET, "/api/v1/predictions", Access.scope(Scope.CUSTOMERS_READ)),
            rule(HttpMethod.GET, "/api/v1/fx-rates", Access.scope(Scope.METRICS_READ)),
            rule(null, "/api/v1/fx-rates", Access.scope(Scope.ADMIN)),
            rule(HttpMethod.POST, "/api/v1/customers/*/events", Access.scope(Scope.EVENTS_WRITE)),
            rule(HttpMethod.POST, "/api/v1/customers/*/feedback", Access.scope(Scope.EVENTS_WRITE)),
            rule(HttpMethod.POST, "/api/v1/events:batch", Access.scope(Scope.EVENTS_WRITE)),
            rule(HttpMethod.GET, "/api/v1/products", Access.scope(Scope.CUSTOMERS_READ)),
            rule(HttpMethod.GET, "/api/v1/products/**", Access.scope(Scope.CUSTOMERS_READ)),
            rule(null, "/api/v1/products/**", Access.scope(Scope.EVENTS_WRITE)),
            rule(HttpMethod.GET, "/api/v1/recommendation-models", Access.scope(Scope.METRICS_READ)),
            rule(HttpMethod.GET, "/api/v1/recommendation-models/**", Access.scope(Scope.METRICS_READ)),
            rule(null, "/api/v1/recommendation-models", Access.scope(Scope.MODELS_WRITE)),
            rule(null, "/api/v1/recommendation-models/**", Access.scope(Scope.MODELS_WRITE)),
            rule(HttpMethod.GET, "/api/v1/customers", Access.scope(Scope.CUSTOMERS_READ)),
            rule(HttpMethod.GET, "/api/v1/customers/**", Access.scope(Scope.CUSTOMERS_READ)),
            rule(null, "/api/v1/customers", Access.scope(Scope.CUSTOMERS_WRITE)),
            rule(null, "/api/v1/customers/**", Access.scope(Scope.CUSTOMERS_WRITE)),
            rule(HttpMethod.GET, "/api/v1/loyalty/**", Access.scope(Scope.LOYALTY_READ)),
            rule(null, "/api/v1/loyalty/programme/**", Access.scope(Scope.ADMIN)),
            rule(null, "/api/v1/loyalty/**", Access.scope(Scope.LOYALTY_WRITE)),
            rule(HttpMethod.GET, "/api/v1/strategies/**", Access.scope(Scope.STRATEGIES_READ)),
            rule(null, "/api/v1/strategies/**", Access.scope(Scope.STRATEGIES_WRITE)),
            rule(null, "/api/v1/imports", Access.scope(Scope.EVENTS_WRITE)),
            rule(null, "/api/v1/imports/**", Access.scope(Scope.EVENTS_WRITE)),
            rule(null, "/api/v1/webhooks", Access.scope(Scope.WEBHOOKS_WRITE)),
            rule(null, "/api/v1/webhooks/**", Access.scope(Scope.WEBHOOKS_WRITE)),
            rule(null, "/api/**", Access.AUTHENTICATED));

    private ScopeRules() {}

    private static Rule rule(HttpMethod method, String pattern, Access access) {
        return new Rule(method, PARSER.parse(pattern), access);
    }

    static Access accessFor(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return accessFor(HttpMethod.valueOf(request.getMethod()), path);
    }

    static Access accessFor(HttpMethod method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        return RULES.stream()
                .filter(rule -> rule.matches(method, container))
                .map(Rule::access)
                .findFirst()
                .orElse(Access.PUBLIC);
    }
}
