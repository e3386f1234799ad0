package io.ttx.shared.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Duration;

/**
 * Runs every {@link StartupTask} once the application is ready, each in the background and retried with backoff
 * (1 s doubling up to 30 s) until it completes: start-up never waits for a store, and never gives up on one.
 */
@Component
class StartupTasks {
    private static final Logger log = LoggerFactory.getLogger(StartupTasks.class);
    private final ObjectProvider<StartupTask> tasks;

    StartupTasks(ObjectProvider<StartupTask> tasks) {
        this.tasks = tasks;
    }

    @EventListener(ApplicationReadyEvent.class)
    void runAll() {
        tasks.orderedStream().forEach(StartupTasks::start);
    }

    private static void start(StartupTask task) {
        retried(task).subscribe();
    }

    /** The task, subscribed again after each failure until it completes. */
    static Mono<?> retried(StartupTask task) {
        return task.run()
            .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30))
                .doBeforeRetry(s -> log.warn("{} failed (attempt {}), retrying: {}", task.name(), s.totalRetries() + 1, s.failure().toString())));
    }
}
