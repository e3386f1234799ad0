package io.ttx.shared.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param pollInterval how often each source is checked when nothing nudged the relay
 * @param batchSize    documents per relay round
 * @param leaseTtl     how long one replica keeps a source before another may take it over
 * @param enabled      off only in tests that drive {@link OutboxRelay#relayOnce} themselves
 * @param maxBackoff   longest wait before retrying a source after failed rounds (the wait doubles from the poll interval)
 */
@ConfigurationProperties("ttx.outbox")
public record OutboxProperties(Duration pollInterval, int batchSize, Duration leaseTtl, Boolean enabled, Duration maxBackoff) {
    public OutboxProperties {
        if (pollInterval == null) pollInterval = Duration.ofMillis(500);
        if (batchSize <= 0) batchSize = 200;
        if (leaseTtl == null) leaseTtl = Duration.ofSeconds(10);
        if (enabled == null) enabled = true;
        if (maxBackoff == null) maxBackoff = Duration.ofSeconds(10);
    }
}
