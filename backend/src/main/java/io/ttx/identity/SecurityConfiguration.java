package io.ttx.identity;

import io.ttx.shared.web.StatelessSecurity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerReactiveAuthenticationManagerResolver;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/**
 * The backend is a stateless JWT resource server: tokens of one of the {@link TrustedIssuers}, issuer, audience and
 * signature validated, roles from the {@code roles} claim. Route rules: public docs and health, admin-only metrics and
 * outbox administration, each capability's {@link ApiAccessRules}, then deny by default for everything else under
 * {@code /api}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * Spring Security's own observations off: a timer and a span for every filter-chain phase, authentication and
     * authorization of every request were a sixth of a trivial request's CPU (docs/decisions.md, "The backend's cost
     * per request"). The HTTP server's observation still times every request with its status, 401 and 403 included.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityWebFilterChain api(ServerHttpSecurity http, ObjectProvider<ApiAccessRules> capabilityRules, ProblemSecurityHandlers problems,
                               @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlers,
                               JwtIssuerReactiveAuthenticationManagerResolver issuers) {
        UnmappedRoutes denyByDefault = new UnmappedRoutes(handlers);
        return StatelessSecurity.apply(http)
            .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
            .authorizeExchange(a -> {
                a.pathMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info").permitAll();
                a.pathMatchers("/actuator/**").hasRole(Role.ADMIN.claim());
                a.pathMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs.yaml", "/swagger-ui", "/swagger-ui.html",
                    "/webjars/**").permitAll();
                a.pathMatchers(HttpMethod.GET, "/api/v1/me").authenticated();
                // the shared kernel's admin routes: it knows no capability, identity included, so its rules live here
                a.pathMatchers("/api/v1/admin/outbox/**").hasRole(Role.ADMIN.claim());
                capabilityRules.orderedStream().forEach(r -> r.apply(a));
                a.pathMatchers("/api/**").access(denyByDefault);
                a.pathMatchers("/federation/**").access(denyByDefault); // the voucher federation's protocol (peers only, route by route)
                a.anyExchange().permitAll(); // nothing else is served: unknown paths answer 404
            })
            .oauth2ResourceServer(o -> o
                .authenticationEntryPoint(problems)
                .accessDeniedHandler(problems)
                .authenticationManagerResolver(issuers))
            .build();
    }

    /** The issuers this API trusts ({@link TrustedIssuers}). */
    @Bean
    JwtIssuerReactiveAuthenticationManagerResolver trustedIssuers(IdentityProperties props) {
        return TrustedIssuers.of(props);
    }
}
