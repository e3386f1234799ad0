package io.ttx.shared.jobs;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class StartupTasksTests {
    @Test
    void aFailingTaskIsTriedAgainWithGrowingWaitsUntilItCompletes() {
        AtomicInteger tries = new AtomicInteger();
        StartupTask task = StartupTask.of("flaky", () -> tries.incrementAndGet() < 4
            ? Mono.error(new IllegalStateException("store down")) : Mono.just("done"));
        StepVerifier.withVirtualTime(() -> StartupTasks.retried(task))
            .expectSubscription()
            .thenAwait(Duration.ofMinutes(1))
            .verifyComplete();
        assertThat(tries).hasValue(4);
    }

    @Test
    void theWorkIsBuiltAnewForEveryTry() {
        AtomicInteger built = new AtomicInteger();
        StartupTask task = StartupTask.of("lazy", () -> {
            built.incrementAndGet();
            return Mono.empty();
        });
        assertThat(built).hasValue(0);
        StepVerifier.create(task.run()).verifyComplete();
        StepVerifier.create(task.run()).verifyComplete();
        assertThat(built).hasValue(2);
    }
}
