package io.ttx.catalogue;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param validity             how long a published listing stays up before it expires (renewable)
 * @param demandReviewRequired whether demands go through review before publication (achievements always do)
 * @param expirySweepInterval  how often expired listings are marked EXPIRED
 */
@ConfigurationProperties("ttx.catalogue")
public record CatalogueProperties(Duration validity, Boolean demandReviewRequired, Duration expirySweepInterval) {
    public CatalogueProperties {
        if (validity == null) validity = Duration.ofDays(365);
        if (demandReviewRequired == null) demandReviewRequired = false;
        if (expirySweepInterval == null) expirySweepInterval = Duration.ofMinutes(1);
    }
}
