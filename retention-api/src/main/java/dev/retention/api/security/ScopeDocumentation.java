package dev.retention.api.security;

import dev.retention.api.shared.ProblemDocumentation;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Writes into the OpenAPI document which scope each operation needs, from the same rules that enforce it. */
@Configuration(proxyBeanMethods = false)
class ScopeDocumentation {

    @Bean
    OpenApiCustomizer scopesInOperations() {
        return openApi -> openApi.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    Access access = ScopeRules.accessFor(HttpMethod.valueOf(method.name()), path);
                    if (access.kind() == Access.Kind.PUBLIC) {
                        operation.setSecurity(List.of(new SecurityRequirement()));
                        return;
                    }
                    String scope = access.scope() == null ? "any valid credential" : "scope `" + access.scope() + "`";
                    operation.setDescription(operation.getDescription() + "\n\nNeeds " + scope + ".");
                    operation
                            .getResponses()
                            .addApiResponse("401", ProblemDocumentation.problem("No valid credential."));
                    operation
                            .getResponses()
                            .addApiResponse(
                                    "403", ProblemDocumentation.problem("The credential lacks the " + scope + "."));
                    operation
                            .getResponses()
                            .addApiResponse(
                                    "429",
                                    ProblemDocumentation.problemWithRetryAfter(
                                            "Too many requests from this credential; see Retry-After."));
                }));
    }
}
