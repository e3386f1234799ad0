package io.ttx.shared.outbox;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class RetryBackoffTests {
    @Test
    void theWaitDoublesFromTheFirstDelayUpToTheMaximumAndASuccessResetsIt() {
        StoppedClock clock = new StoppedClock();
        RetryBackoff b = new RetryBackoff(Duration.ofMillis(500), Duration.ofSeconds(10), clock);
        assertThat(b.due("s")).isTrue();
        assertThat(b.failed("s")).isEqualTo(Duration.ofMillis(500));
        assertThat(b.due("s")).isFalse();
        assertThat(b.due("other")).isTrue();
        clock.advance(Duration.ofMillis(500));
        assertThat(b.due("s")).isTrue();
        assertThat(b.failed("s")).isEqualTo(Duration.ofSeconds(1));
        assertThat(b.failed("s")).isEqualTo(Duration.ofSeconds(2));
        for (int i = 0; i < 10; i++) b.failed("s");
        assertThat(b.failed("s")).isEqualTo(Duration.ofSeconds(10));
        b.succeeded("s");
        assertThat(b.due("s")).isTrue();
        assertThat(b.failed("s")).isEqualTo(Duration.ofMillis(500));
    }

    /** Time moves only when the test says so. */
    private static final class StoppedClock extends Clock {
        private Instant now = Instant.parse("2026-11-27T08:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
