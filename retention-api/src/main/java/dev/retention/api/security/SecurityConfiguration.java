package dev.retention.api.security;

import dev.retention.domain.security.ApiKeySecrets;
import dev.retention.domain.security.LimitRequests;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Every {@code /api/**} call needs a credential: an API key, or a JWT when an issuer or key set is configured
 * ({@code spring.security.oauth2.resourceserver.jwt.*}). {@link ScopeRules} says which scope each call needs.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            ApiKeyCache apiKeys,
            SecuritySettings settings,
            ObjectProvider<JwtDecoder> jwtDecoder,
            LimitRequests limitRequests,
            MeterRegistry meters)
            throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers();
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .cors(cors -> cors.configurationSource(corsSource(settings.cors())))
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(
                        new BodySizeLimitFilter(settings.maxBodyBytes(), settings.maxImportBytes()), LogoutFilter.class)
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys), BearerTokenAuthenticationFilter.class)
                .addFilterBefore(
                        new RateLimitFilter(settings.rateLimit(), limitRequests, meters), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().access(new ScopeAuthorizationManager()));
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            http.oauth2ResourceServer(server -> server.bearerTokenResolver(jwtOnly())
                    .authenticationEntryPoint(problems)
                    .jwt(jwt -> jwt.decoder(decoder)));
        }
        return http.build();
    }

    /** Leaves API keys to {@link ApiKeyAuthenticationFilter}; only other bearer tokens are read as JWTs. */
    private static BearerTokenResolver jwtOnly() {
        DefaultBearerTokenResolver standard = new DefaultBearerTokenResolver();
        return request -> {
            if (request.getHeader(ApiKeyAuthenticationFilter.API_KEY_HEADER) != null) {
                return null;
            }
            String token = standard.resolve(request);
            return ApiKeySecrets.looksLikeKey(token) ? null : token;
        };
    }

    private static CorsConfigurationSource corsSource(SecuritySettings.Cors cors) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!cors.allowedOrigins().isEmpty()) {
            CorsConfiguration configuration = new CorsConfiguration();
            configuration.setAllowedOrigins(cors.allowedOrigins());
            configuration.setAllowedMethods(List.of("GET", "POST", "PATCH", "DELETE", "OPTIONS"));
            configuration.setAllowedHeaders(
                    List.of("Authorization", "X-API-Key", "Content-Type", "If-Match", "If-None-Match"));
            configuration.setExposedHeaders(List.of("Location", "ETag", "Retry-After"));
            configuration.setMaxAge(3600L);
            source.registerCorsConfiguration("/**", configuration);
        }
        return source;
    }
}
