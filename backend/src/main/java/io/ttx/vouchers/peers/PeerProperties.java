package io.ttx.vouchers.peers;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * How our platform calls the peer platforms of the voucher federation ({@code ttx.vouchers.federation.*}): timeouts,
 * retries of the (idempotent) steps, how long a circuit stays open, when the reconciliation takes a redemption up.
 * The peers themselves are {@code ttx.vouchers.peers} (see {@link Peer}).
 */
@Validated
@ConfigurationProperties("ttx.vouchers.federation")
public record PeerProperties(@NotNull @DurationMin(millis = 50) Duration connectTimeout,
                             @NotNull @DurationMin(millis = 50) Duration readTimeout, int retries,
                             @NotNull @DurationMin(millis = 10) Duration retryBackoff, @NotNull @DurationMin(seconds = 1) Duration openCircuitFor,
                             @NotNull @DurationMin(millis = 100) Duration reconcileAfter) {
    public PeerProperties {
        if (retries < 0 || retries > 5) throw new IllegalArgumentException("ttx.vouchers.federation.retries lies in 0-5");
        // the reconciliation must not take up a redemption whose request may still be waiting for the peer
        if (reconcileAfter != null && readTimeout != null && connectTimeout != null && retryBackoff != null
            && reconcileAfter.compareTo(readTimeout.plus(connectTimeout).multipliedBy(retries + 1L).plus(retryBackoff.multipliedBy(1L << retries))) <= 0) {
            throw new IllegalArgumentException("ttx.vouchers.federation.reconcile-after must exceed the longest a call may take with its retries");
        }
    }

    /** A peer platform: a name, the provinces it hosts, its base URL, and our client credentials at its token endpoint. */
    public record Peer(@NotBlank String name, @NotEmpty List<String> regions, @NotNull URI baseUrl, @NotNull URI tokenUri, @NotBlank String clientId,
                       @NotBlank String clientSecret) { }
}
