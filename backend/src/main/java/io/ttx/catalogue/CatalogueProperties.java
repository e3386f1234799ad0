package io.ttx.catalogue;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * @param validity             how long a published listing stays up before it expires (renewable)
 * @param demandReviewRequired whether demands go through review before publication (achievements always do)
 * @param expirySweepInterval  how often expired listings are marked EXPIRED
 */
@Validated
@ConfigurationProperties("ttx.catalogue")
public record CatalogueProperties(@DurationMin(millis = 1) Duration validity, Boolean demandReviewRequired,
                                  @DurationMin(millis = 1) Duration expirySweepInterval) {
    public CatalogueProperties {
        if (validity == null) validity = Duration.ofDays(365);
        if (demandReviewRequired == null) demandReviewRequired = false;
        if (expirySweepInterval == null) expirySweepInterval = Duration.ofMinutes(1);
    }
}
