package io.ttx.shared.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * A background task run every interval by one replica at a time (a lease in MongoDB); a failed round is logged and
 * the next one tries again. Sweeps extend it and implement {@link #runOnce()}.
 */
public abstract class LeasedJob implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(LeasedJob.class);
    private final String name;
    private final Duration interval;
    private final Leases leases;
    private Disposable running = Disposables.disposed();

    protected LeasedJob(String name, Duration interval, Leases leases) {
        this.name = name;
        this.interval = interval;
        this.leases = leases;
    }

    /** One round of the job (only called while this replica holds the lease). */
    protected abstract Mono<?> runOnce();

    @Override
    public void start() {
        running = Flux.interval(interval)
            .onBackpressureDrop()
            .concatMap(t -> leases.acquire(name, interval.multipliedBy(2))
                .flatMap(held -> held ? runOnce().then() : Mono.<Void>empty())
                .onErrorResume(e -> {
                    log.warn("{} failed, will retry: {}", name, e.toString());
                    return Mono.empty();
                }))
            .subscribe();
    }

    @Override
    public void stop() {
        running.dispose();
    }

    @Override
    public boolean isRunning() {
        return !running.isDisposed();
    }
}
