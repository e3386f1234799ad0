package io.ttx.identity;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param issuerUri the OAuth2 issuer the tokens must name ({@code iss}); its discovery document gives the keys
 * @param jwkSetUri optional: the key set URL when discovery is not wanted (tests, air-gapped set-ups)
 */
@Validated
@ConfigurationProperties("ttx.identity")
record IdentityProperties(@NotBlank String issuerUri, @Nullable String jwkSetUri) { }
