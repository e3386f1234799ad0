package io.ttx.alerts.webhooks;

import io.ttx.alerts.AlertsProperties;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTests {

    @Test
    void defaultScheduleWaitsLongerEachTimeAndStopsAfterSixAttempts() {
        AlertsProperties.Webhooks w = AlertsProperties.defaults().webhooks();
        Backoff b = new Backoff(w.backoff(), w.maxAttempts());
        assertThat(b.after(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(b.after(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(b.after(3)).isEqualTo(Duration.ofMinutes(10));
        assertThat(b.after(4)).isEqualTo(Duration.ofHours(1));
        assertThat(b.after(5)).isEqualTo(Duration.ofHours(6));
        assertThat(b.after(6)).isNull();
    }

    @Test
    void theLastDelayRepeats() {
        Backoff b = new Backoff(List.of(Duration.ofSeconds(1), Duration.ofSeconds(5)), 5);
        assertThat(b.after(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(b.after(3)).isEqualTo(Duration.ofSeconds(5));
        assertThat(b.after(4)).isEqualTo(Duration.ofSeconds(5));
        assertThat(b.after(5)).isNull();
    }

    @Test
    void statusesMapToDeliveredRetryOrGiveUp() {
        assertThat(List.of(200, 201, 204, 299).stream().map(Backoff::verdict)).containsOnly(Backoff.Verdict.DELIVERED);
        assertThat(List.of(408, 429, 500, 502, 503, 504).stream().map(Backoff::verdict)).containsOnly(Backoff.Verdict.RETRY);
        assertThat(List.of(301, 302, 400, 401, 403, 404, 410, 422).stream().map(Backoff::verdict)).containsOnly(Backoff.Verdict.GIVE_UP);
    }
}
