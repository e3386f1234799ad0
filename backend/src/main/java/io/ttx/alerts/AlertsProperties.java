package io.ttx.alerts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;

/**
 * Settings of saved searches, notifications and webhooks ({@code ttx.alerts.*}).
 *
 * @param maxSavedSearchesPerUser how many saved searches one user ({@code sub}) may keep (409 above)
 * @param webhooks                webhook delivery settings
 */
@Validated
@ConfigurationProperties("ttx.alerts")
public record AlertsProperties(@Positive int maxSavedSearchesPerUser, @Valid Webhooks webhooks) {

    public AlertsProperties(int maxSavedSearchesPerUser, @Nullable Webhooks webhooks) {
        this.maxSavedSearchesPerUser = maxSavedSearchesPerUser <= 0 ? 50 : maxSavedSearchesPerUser;
        this.webhooks = webhooks == null ? Webhooks.defaults() : webhooks;
    }

    public static AlertsProperties defaults() {
        return new AlertsProperties(0, null);
    }

    /**
     * @param allowPrivateTargets test setting only: accept loopback, private and link-local targets (still https only);
     *                            false in production
     * @param connectTimeout      TCP (and TLS) connect timeout of one attempt
     * @param readTimeout         how long one attempt waits for the response
     * @param backoff             delay after the 1st, 2nd ... failed attempt; the last entry repeats
     * @param maxAttempts         attempts in all before a delivery is FAILED
     * @param sweepInterval       how often due retries are looked for
     * @param sweepBatchSize      due deliveries taken per sweep round
     * @param sslBundle           name of a Spring SSL bundle ({@code spring.ssl.bundle.*}) whose trust material webhook
     *                            calls use instead of the JVM's (a private CA; tests trust their WireMock certificate)
     */
    public record Webhooks(boolean allowPrivateTargets, @DurationMin(millis = 1) Duration connectTimeout,
                           @DurationMin(millis = 1) Duration readTimeout, @NotEmpty List<Duration> backoff, @Positive int maxAttempts,
                           @DurationMin(millis = 1) Duration sweepInterval, @Positive int sweepBatchSize, @Nullable String sslBundle) {

        public Webhooks(boolean allowPrivateTargets, @Nullable Duration connectTimeout, @Nullable Duration readTimeout,
                        @Nullable List<Duration> backoff, int maxAttempts, @Nullable Duration sweepInterval, int sweepBatchSize,
                        @Nullable String sslBundle) {
            this.sslBundle = sslBundle == null || sslBundle.isBlank() ? null : sslBundle;
            this.allowPrivateTargets = allowPrivateTargets;
            this.connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
            this.readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
            this.backoff = backoff == null || backoff.isEmpty()
                ? List.of(Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofHours(6))
                : List.copyOf(backoff);
            this.maxAttempts = maxAttempts <= 0 ? 6 : maxAttempts;
            this.sweepInterval = sweepInterval == null ? Duration.ofSeconds(5) : sweepInterval;
            this.sweepBatchSize = sweepBatchSize <= 0 ? 50 : sweepBatchSize;
            for (Duration d : this.backoff) {
                if (d.isNegative() || d.isZero()) throw new IllegalArgumentException("ttx.alerts.webhooks.backoff: durations must be positive");
            }
        }

        static Webhooks defaults() {
            return new Webhooks(false, null, null, null, 0, null, 0, null);
        }
    }
}
