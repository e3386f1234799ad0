package io.ttx.shared.jobs;

import org.springframework.context.SmartLifecycle;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;

/**
 * A background task run every interval by one replica at a time (a lease in MongoDB, named after the job); a failed
 * round is logged and the next one tries again. Sweeps extend it and implement {@link #runOnce}.
 */
public abstract class LeasedJob implements SmartLifecycle {
    private final String name;
    private final LeasedRounds rounds;

    protected LeasedJob(String name, Duration interval, Leases leases) {
        this.name = name;
        this.rounds = new LeasedRounds(leases, interval, interval.multipliedBy(2), Duration.ZERO);
    }

    /**
     * One round of the job (only called while this replica holds the lease). Its MongoDB writes carry
     * {@code lease.fence()}: the stores add {@link Fence#on} to the write's condition and {@link Fence#mark} to its
     * update, so once a newer holder wrote a document this round cannot.
     */
    protected abstract Mono<?> runOnce(Lease lease);

    @Override
    public void start() {
        rounds.start(List.of(name), lease -> rounds.leased(lease, l -> runOnce(l).then()), e -> true);
    }

    @Override
    public void stop() {
        rounds.stop();
    }

    @Override
    public boolean isRunning() {
        return rounds.isRunning();
    }
}
