package io.ttx.identity;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param issuerUri the OAuth2 issuer the tokens must name ({@code iss}); its discovery document gives the keys
 * @param jwkSetUri optional: the key set URL when discovery is not wanted (tests, air-gapped set-ups)
 * @param audience  the audience ({@code aud}) a token must name: a token the issuer made for another service is refused
 */
@Validated
@ConfigurationProperties("ttx.identity")
record IdentityProperties(@NotBlank String issuerUri, @Nullable String jwkSetUri, @DefaultValue("ttx-api") @NotBlank String audience) { }
