package io.ttx.shared.outbox;

import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * @param pollInterval how often each source is checked when nothing nudged the relay
 * @param batchSize    documents per relay round
 * @param leaseTtl     how long one replica keeps a source before another may take it over
 * @param enabled      off only in tests that drive {@link OutboxRelay#relayOnce} themselves
 * @param maxBackoff   longest wait before retrying a source after failed rounds (the wait doubles from the poll interval)
 */
@Validated
@ConfigurationProperties("ttx.outbox")
public record OutboxProperties(@DurationMin(millis = 1) Duration pollInterval, @Positive int batchSize, @DurationMin(millis = 1) Duration leaseTtl,
                               Boolean enabled, @DurationMin(millis = 1) Duration maxBackoff) {
    public OutboxProperties {
        if (pollInterval == null) pollInterval = Duration.ofMillis(500);
        if (batchSize <= 0) batchSize = 200;
        if (leaseTtl == null) leaseTtl = Duration.ofSeconds(10);
        if (enabled == null) enabled = true;
        if (maxBackoff == null) maxBackoff = Duration.ofSeconds(10);
    }
}
