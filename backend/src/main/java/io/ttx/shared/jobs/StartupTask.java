package io.ttx.shared.jobs;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.function.Supplier;

/**
 * Work a replica does once after it has started (MongoDB indexes, the first search index generation). The stores may
 * still be coming up then, and the application must start anyway, so {@link StartupTasks} runs every such bean in the
 * background and retries it with backoff until it completes. Declare one as a bean.
 */
public interface StartupTask {
    /** What the log calls it, e.g. {@code catalogue indexes}. */
    String name();

    /** The work; subscribed again on every retry, so it must be lazy and idempotent. */
    Mono<?> run();

    /** A task that runs {@code work} (a Mono or a Flux, built anew on every try) to completion. */
    static StartupTask of(String name, Supplier<? extends Publisher<?>> work) {
        return new StartupTask() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Mono<?> run() {
                return Flux.defer(() -> Flux.from(work.get())).then();
            }
        };
    }
}
