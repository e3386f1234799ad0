package io.ttx.identity;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * @param issuerUri the OAuth2 issuer the tokens must name ({@code iss}); its discovery document gives the keys
 * @param jwkSetUri optional: the key set URL of {@code issuerUri} when discovery is not wanted (tests, air-gapped set-ups)
 * @param issuers   more issuers to trust besides {@code issuerUri}, each with its own keys from its discovery document
 *                  (a second IdP during a migration, Keycloak next to the dev IdP in the tests)
 * @param audience  the audience ({@code aud}) a token must name: a token the issuer made for another service is refused
 */
@Validated
@ConfigurationProperties("ttx.identity")
record IdentityProperties(@NotBlank String issuerUri, @Nullable String jwkSetUri, @DefaultValue List<@NotBlank String> issuers,
                          @DefaultValue("ttx-api") @NotBlank String audience) {

    /** Every trusted issuer, {@code issuerUri} first, each once. */
    Set<String> trustedIssuers() {
        Set<String> all = new LinkedHashSet<>();
        all.add(issuerUri);
        all.addAll(issuers);
        return all;
    }
}
