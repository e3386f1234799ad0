package io.ttx.shared.outbox;

import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * @param pollInterval how often each source is checked when nothing nudged the relay; also the first wait before an
 *                     event a consumer failed is offered to it again (doubling up to {@code maxBackoff})
 * @param batchSize    documents per relay round (those with the oldest pending events first)
 * @param leaseTtl     how long one replica keeps a source before another may take it over (renewed during a round)
 * @param enabled      off only in tests that drive {@link OutboxRelay#relayOnce} themselves
 * @param maxBackoff   longest wait before retrying a source after failed rounds, or an event a consumer failed
 * @param maxAttempts  failed attempts after which an event becomes a dead letter for that consumer
 */
@Validated
@ConfigurationProperties("ttx.outbox")
public record OutboxProperties(@DurationMin(millis = 1) Duration pollInterval, @Positive int batchSize, @DurationMin(millis = 1) Duration leaseTtl,
                               Boolean enabled, @DurationMin(millis = 1) Duration maxBackoff, @Positive Integer maxAttempts) {
    public OutboxProperties {
        if (pollInterval == null) pollInterval = Duration.ofMillis(500);
        if (batchSize <= 0) batchSize = 200;
        if (leaseTtl == null) leaseTtl = Duration.ofSeconds(10);
        if (enabled == null) enabled = true;
        if (maxBackoff == null) maxBackoff = Duration.ofSeconds(10);
        if (maxAttempts == null) maxAttempts = 10;
    }

    /** How long an event a consumer failed {@code attempts} times waits before it is offered to that consumer again. */
    Duration retryDelay(int attempts) {
        Duration d = pollInterval;
        for (int i = 1; i < attempts && d.compareTo(maxBackoff) < 0; i++) d = d.multipliedBy(2);
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }
}
