package io.ttx.devidp;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@Configuration(proxyBeanMethods = false)
class IdpConfiguration {
    /** The audience the TTX backend requires ({@code ttx.identity.audience}). */
    static final String API_AUDIENCE = "ttx-api";
    private static final Logger log = LoggerFactory.getLogger(IdpConfiguration.class);

    @Bean
    RegisteredClientRepository demoClients(IdpProperties props) {
        TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(props.accessTokenTtl()).build();
        List<RegisteredClient> clients = DemoClients.all().stream().map(c -> RegisteredClient.withId(c.clientId())
            .clientId(c.clientId())
            .clientSecret("{noop}" + c.secret())
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
            .tokenSettings(tokens)
            .build()).toList();
        return new InMemoryRegisteredClientRepository(clients);
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> demoClaims() {
        Map<String, DemoClient> byId = DemoClients.all().stream()
            .collect(Collectors.toMap(DemoClient::clientId, Function.identity()));
        return ctx -> {
            DemoClient c = byId.get(ctx.getRegisteredClient().getClientId());
            if (c != null && OAuth2TokenType.ACCESS_TOKEN.equals(ctx.getTokenType())) {
                // aud names the API the token is for (the backend refuses others), as Keycloak's audience mapper does
                ctx.getClaims().audience(List.of(c.clientId(), API_AUDIENCE))
                    .claim("roles", c.roles()).claim("org", c.org()).claim("region", c.region());
                if (!c.regions().isEmpty()) ctx.getClaims().claim("regions", c.regions()); // a peer's provinces
            }
        };
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(IdpProperties props) throws Exception {
        return new ImmutableJWKSet<>(new JWKSet(signingKey(props.keyFile())));
    }

    /** Reuses the key file when present, so that tokens stay valid across IdP restarts (and tests can sign with it). */
    static RSAKey signingKey(String keyFile) throws Exception {
        if (keyFile == null || keyFile.isBlank()) return newKey();
        Path path = Path.of(keyFile);
        if (Files.exists(path)) return RSAKey.parse(Files.readString(path, StandardCharsets.UTF_8));
        RSAKey key = newKey();
        Files.createDirectories(path.toAbsolutePath().getParent());
        Files.writeString(path, key.toJSONString(), StandardCharsets.UTF_8);
        return key;
    }

    private static RSAKey newKey() throws Exception {
        return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString()).generate();
    }

    @EventListener(ApplicationReadyEvent.class)
    void printClients() {
        StringBuilder sb = new StringBuilder("Demo clients (DEV ONLY; secret = client id + \"-secret\"):\n");
        for (DemoClient c : DemoClients.all()) {
            sb.append(String.format("  %-24s roles=%-14s org=%s region=%s  %s%n", c.clientId(), c.roles(), c.org(), c.region(), c.orgName()));
        }
        log.info(sb.toString());
        log.info("IDP READY");
    }
}
