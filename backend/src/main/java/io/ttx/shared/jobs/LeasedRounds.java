package io.ttx.shared.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The scheduling core of every background job (the sweeps through {@link LeasedJob}, and the outbox relay): a round
 * every interval, and one for a single partition when it is nudged. Each partition (a sweep has one, the relay one
 * per collection) is named by its lease in MongoDB, so one replica at a time works it; the lease is renewed while a
 * round runs, and a round that lost it stops ({@link Lease}). A failed partition is retried
 * with exponential backoff (from the interval, doubling up to {@code maxBackoff}), so a store that is down is neither
 * hammered nor given up on; only {@link #stop()} ends the rounds.
 */
public final class LeasedRounds {
    private static final Logger log = LoggerFactory.getLogger(LeasedRounds.class);
    private static final String ALL = "";
    private static final Duration MIN_RENEWAL = Duration.ofMillis(10);
    private final Leases leases;
    private final Duration interval;
    private final Duration leaseTtl;
    private final RetryBackoff backoff;
    private final Sinks.Many<String> nudges = Sinks.many().multicast().directBestEffort();
    private Disposable running = Disposables.disposed();

    /**
     * @param interval   time between rounds
     * @param leaseTtl   how long a replica keeps a partition before another may take it over
     * @param maxBackoff longest wait after failed rounds; zero: a failed partition simply waits for the next round
     */
    public LeasedRounds(Leases leases, Duration interval, Duration leaseTtl, Duration maxBackoff) {
        this.leases = leases;
        this.interval = interval;
        this.leaseTtl = leaseTtl;
        // the system clock, not the injected one: tests move that one, and must not stall or rush the rounds
        this.backoff = new RetryBackoff(interval, maxBackoff, Clock.systemUTC());
    }

    /** Runs {@code work} only while this replica holds the partition's lease; empty when another replica holds it. */
    public <T> Mono<T> leased(String partition, Supplier<Mono<T>> work) {
        return leased(partition, lease -> work.get());
    }

    /**
     * Runs {@code work} under the partition's lease (empty when another replica holds it). The lease is renewed every
     * third of its TTL while the work runs, so a long round keeps it; should a renewal find it taken over, the work is
     * cancelled with {@link LeaseLost}. The work gets the lease to renew it itself right before it writes.
     */
    public <T> Mono<T> leased(String partition, Function<Lease, Mono<T>> work) {
        return leases.acquire(partition, leaseTtl).flatMap(lease -> {
            Duration every = leaseTtl.dividedBy(3).compareTo(MIN_RENEWAL) < 0 ? MIN_RENEWAL : leaseTtl.dividedBy(3);
            Mono<T> keepAlive = Flux.interval(every).onBackpressureDrop().concatMap(t -> lease.renew()).then(Mono.never());
            return Mono.firstWithSignal(Mono.defer(() -> work.apply(lease)), keepAlive);
        });
    }

    /** Asks for a round of this partition soon, instead of at the next interval. */
    public void nudge(String partition) {
        nudges.tryEmitNext(partition);
    }

    /**
     * Starts the rounds over {@code partitions}. {@code round} must take the partition's lease itself (see
     * {@link #leased}). A failure for which {@code expected} holds is logged in one line, any other with its stack trace.
     */
    public void start(List<String> partitions, Function<String, Mono<?>> round, Predicate<Throwable> expected) {
        running = Flux.merge(Flux.interval(interval).map(t -> ALL), nudges.asFlux())
            .onBackpressureDrop()
            .concatMap(trigger -> Flux.fromIterable(partitions)
                .filter(p -> trigger.equals(ALL) || trigger.equals(p))
                .filter(backoff::due)
                .concatMap(p -> Mono.defer(() -> round.apply(p)).then(Mono.fromRunnable(() -> backoff.succeeded(p))).onErrorResume(e -> {
                    failed(p, e, expected.test(e));
                    return Mono.empty(); // the rounds go on: a failure never ends them
                })), 1)
            .subscribe();
    }

    private void failed(String partition, Throwable e, boolean expected) {
        Duration wait = backoff.failed(partition);
        long millis = Math.max(wait.toMillis(), interval.toMillis()); // never sooner than the next round
        if (expected) {
            log.warn("{} failed, retrying in {} ms: {}", partition, millis, e.toString());
        } else {
            log.error("{} failed, retrying in {} ms", partition, millis, e);
        }
    }

    public void stop() {
        running.dispose();
    }

    public boolean isRunning() {
        return !running.isDisposed();
    }
}
