package io.ttx.identity;

import org.springframework.security.authentication.ReactiveAuthenticationManager;
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
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerReactiveAuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The issuers whose tokens this API accepts ({@code ttx.identity.issuer-uri} and {@code ttx.identity.issuers}). The
 * token's {@code iss} picks the issuer; each issuer has its own keys and validates its tokens the same way: signature,
 * issuer, audience, timestamps, then the roles of {@link CurrentUser}. A token naming any other issuer is refused before
 * any key is fetched (401).
 */
final class TrustedIssuers {
    private TrustedIssuers() { }

    /**
     * Lazy: an issuer's keys are fetched on its first token, so the backend starts while the IdPs are still starting.
     * Validated tokens are remembered for up to 5 minutes (never past their expiry).
     */
    static JwtIssuerReactiveAuthenticationManagerResolver of(IdentityProperties props) {
        String jwkSetUri = props.jwkSetUri();
        return of(props, issuer -> issuer.equals(props.issuerUri()) && jwkSetUri != null && !jwkSetUri.isBlank()
            ? NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri).build()
            : NimbusReactiveJwtDecoder.withIssuerLocation(issuer).build());
    }

    /** {@code keys}: the decoder (signature check) of an issuer; the validations are added here. */
    static JwtIssuerReactiveAuthenticationManagerResolver of(IdentityProperties props, Function<String, NimbusReactiveJwtDecoder> keys) {
        Map<String, ReactiveAuthenticationManager> byIssuer = new LinkedHashMap<>();
        for (String issuer : props.trustedIssuers()) {
            NimbusReactiveJwtDecoder decoder = keys.apply(issuer);
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
                audience(props.audience())));
            JwtReactiveAuthenticationManager manager = new JwtReactiveAuthenticationManager(
                new CachingJwtDecoder(decoder, Duration.ofMinutes(5), 10_000, Clock.systemUTC()));
            manager.setJwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(rolesConverter()));
            byIssuer.put(issuer, manager);
        }
        Map<String, ReactiveAuthenticationManager> trusted = Map.copyOf(byIssuer);
        return new JwtIssuerReactiveAuthenticationManagerResolver(issuer -> Mono.justOrEmpty(trusted.get(issuer)));
    }

    /** The token must be meant for this API: an issuer also makes tokens for other services. */
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
