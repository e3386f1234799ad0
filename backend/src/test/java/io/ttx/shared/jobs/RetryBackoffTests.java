package io.ttx.shared.jobs;

import io.ttx.testsupport.StoppedClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;

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
}
