package io.ttx.devidp;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param keyFile        JWK file holding the RSA signing key; created when missing; blank = a fresh key per start
 * @param accessTokenTtl lifetime of issued access tokens
 */
@ConfigurationProperties("ttx.idp")
record IdpProperties(String keyFile, Duration accessTokenTtl) {
    IdpProperties {
        if (accessTokenTtl == null) accessTokenTtl = Duration.ofHours(1);
    }
}
