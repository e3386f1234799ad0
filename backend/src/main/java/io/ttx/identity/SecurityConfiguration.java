package io.ttx.identity;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;

/**
 * The backend is a stateless JWT resource server: issuer, audience and signature validated, roles from the {@code roles}
 * claim. Route rules: public docs and health, admin-only metrics and outbox administration, each capability's
 * {@link ApiAccessRules}, then deny by default for everything else under {@code /api}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain api(ServerHttpSecurity http, ObjectProvider<ApiAccessRules> capabilityRules, ProblemSecurityHandlers problems,
                               @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlers,
                               ReactiveJwtDecoder decoder) {
        UnmappedRoutes denyByDefault = new UnmappedRoutes(handlers);
        return http
            .csrf(ServerHttpSecurity.CsrfSpec::disable)
            .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
            .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
            .logout(ServerHttpSecurity.LogoutSpec::disable)
            .requestCache(c -> c.requestCache(NoOpServerRequestCache.getInstance()))
            .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
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
                .jwt(j -> j.jwtDecoder(decoder).jwtAuthenticationConverter(
                    new ReactiveJwtAuthenticationConverterAdapter(rolesConverter()))))
            .build();
    }

    /**
     * Lazy: the issuer's keys are fetched on the first token, so the backend starts while the IdP is still starting.
     * Validated tokens are remembered for up to 5 minutes (never past their expiry).
     */
    @Bean
    ReactiveJwtDecoder jwtDecoder(IdentityProperties props) {
        NimbusReactiveJwtDecoder decoder = props.jwkSetUri() != null && !props.jwkSetUri().isBlank()
            ? NimbusReactiveJwtDecoder.withJwkSetUri(props.jwkSetUri()).build()
            : NimbusReactiveJwtDecoder.withIssuerLocation(props.issuerUri()).build();
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
            JwtValidators.createDefaultWithIssuer(props.issuerUri()), audience(props.audience()));
        decoder.setJwtValidator(validator);
        return new CachingJwtDecoder(decoder, Duration.ofMinutes(5), 10_000, Clock.systemUTC());
    }

    /** The token must be meant for this API: the issuer also makes tokens for other services. */
    static OAuth2TokenValidator<Jwt> audience(String audience) {
        OAuth2Error error = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token is not meant for this API (aud).", null);
        return jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
            ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(error);
    }

    static JwtAuthenticationConverter rolesConverter() {
        JwtAuthenticationConverter c = new JwtAuthenticationConverter();
        c.setJwtGrantedAuthoritiesConverter(jwt -> {
            Collection<GrantedAuthority> out = CurrentUser.roles(jwt).stream()
                .<GrantedAuthority>map(r -> new SimpleGrantedAuthority(r.authority())).toList();
            return out;
        });
        return c;
    }
}
