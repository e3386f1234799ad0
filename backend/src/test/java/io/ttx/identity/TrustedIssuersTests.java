package io.ttx.identity;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerReactiveAuthenticationManagerResolver;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Several issuers, each with its own keys and the same validations; any other issuer is refused without a key fetch. */
class TrustedIssuersTests {
    private static final String DEV_IDP = "http://127.0.0.1:9100";
    private static final String KEYCLOAK = "http://127.0.0.1:8180/realms/ttx";
    private static final String ORG = "12330100202401371E";

    private final RSAKey devKey = key();
    private final RSAKey keycloakKey = key();
    private final List<String> keysAskedFor = new ArrayList<>();
    private final JwtIssuerReactiveAuthenticationManagerResolver issuers = TrustedIssuers.of(
        new IdentityProperties(DEV_IDP, null, List.of(KEYCLOAK, DEV_IDP), "ttx-api"), issuer -> {
            keysAskedFor.add(issuer);
            RSAKey k = issuer.equals(DEV_IDP) ? devKey : keycloakKey;
            try {
                return NimbusReactiveJwtDecoder.withPublicKey(k.toRSAPublicKey()).build();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

    @Test
    void acceptsTheTokensOfEveryTrustedIssuerWithTheirRoles() {
        assertThat(roles(authenticate(token(devKey, DEV_IDP, "ttx-api", 300)))).containsExactly("ROLE_tto");
        assertThat(roles(authenticate(token(keycloakKey, KEYCLOAK, "ttx-api", 300)))).containsExactly("ROLE_tto");
        assertThat(keysAskedFor).as("each issuer once, issuer-uri first").containsExactly(DEV_IDP, KEYCLOAK);
    }

    @Test
    void eachIssuerChecksSignaturesWithItsOwnKeys() {
        assertThatThrownBy(() -> authenticate(token(devKey, KEYCLOAK, "ttx-api", 300))).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> authenticate(token(keycloakKey, DEV_IDP, "ttx-api", 300))).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void anUnknownIssuerIsRefusedWithoutAskingForItsKeys() {
        assertThatThrownBy(() -> authenticate(token(devKey, "https://elsewhere.example", "ttx-api", 300)))
            .isInstanceOf(InvalidBearerTokenException.class);
        assertThatThrownBy(() -> authenticate(token(devKey, KEYCLOAK + "/", "ttx-api", 300)))
            .as("issuers match exactly").isInstanceOf(InvalidBearerTokenException.class);
        assertThat(keysAskedFor).containsExactly(DEV_IDP, KEYCLOAK);
    }

    @Test
    void everyIssuerValidatesAudienceAndExpiry() {
        assertThatThrownBy(() -> authenticate(token(keycloakKey, KEYCLOAK, "account", 300))).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> authenticate(token(keycloakKey, KEYCLOAK, "ttx-api", -120))).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> authenticate(token(devKey, DEV_IDP, "account", 300))).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void moreIssuersBindFromACommaSeparatedListAndDefaultToNone() {
        assertThat(bind(Map.of("ttx.identity.issuer-uri", DEV_IDP)).trustedIssuers()).containsExactly(DEV_IDP);
        assertThat(bind(Map.of("ttx.identity.issuer-uri", DEV_IDP, "ttx.identity.issuers", "")).trustedIssuers()).containsExactly(DEV_IDP);
        assertThat(bind(Map.of("ttx.identity.issuer-uri", DEV_IDP, "ttx.identity.issuers", KEYCLOAK + ",https://b.example")).trustedIssuers())
            .containsExactly(DEV_IDP, KEYCLOAK, "https://b.example");
    }

    private static IdentityProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("ttx.identity", Bindable.of(IdentityProperties.class));
    }

    private Authentication authenticate(String token) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/me"));
        return issuers.resolve(exchange).flatMap(m -> m.authenticate(new BearerTokenAuthenticationToken(token))).block();
    }

    /** The role authorities (Spring Security adds a factor authority of its own, FACTOR_BEARER). */
    private static List<String> roles(Authentication a) {
        return a.getAuthorities().stream().map(GrantedAuthority::getAuthority).filter(n -> n != null && n.startsWith("ROLE_")).toList();
    }

    private static String token(RSAKey key, String issuer, String audience, long validForSeconds) {
        Instant expiry = Instant.now().plusSeconds(validForSeconds);
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject("someone")
            .issueTime(Date.from(expiry.minusSeconds(600))).expirationTime(Date.from(expiry))
            .claim("roles", List.of("tto")).claim("org", ORG).claim("region", "330100").build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey key() {
        try {
            return new RSAKeyGenerator(2048).keyID("k").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
