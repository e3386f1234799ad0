package io.ttx.brokerage;

import io.ttx.brokerage.persistence.DealDocument;
import io.ttx.brokerage.persistence.DealStore;
import io.ttx.brokerage.persistence.PendingEvent;
import io.ttx.shared.Ids;
import io.ttx.shared.jobs.Fence;
import io.ttx.shared.jobs.Lease;
import io.ttx.shared.jobs.LeasedJob;
import io.ttx.shared.jobs.Leases;
import io.ttx.shared.outbox.OutboxRelay;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Finds active deals without a command for {@code ttx.brokerage.idle-days} and records {@link DealEvents#IDLE} on each,
 * once per idle period (one replica at a time, every {@code idle-sweep-interval}). The mark and the event are one
 * write conditional on the version read ({@link DealStore#markIdle}); the version stays, so clients' If-Match keeps
 * working, a command racing the sweep either wins (the mark misses: the deal is no longer idle) or comes after (it
 * removes the mark: a new period begins). The mark carries the lease's token ({@code fences.sweep:idle-deals}): a replica
 * that paused past its lease cannot mark a deal its successor wrote. The {@code deal-notifications} consumer of the
 * alerts tells the parties.
 */
final class IdleSweep extends LeasedJob {
    /** Deals marked per query; a round takes further batches while they come full, at most {@link #BATCHES}. */
    private static final int BATCH = 200;
    private static final int BATCHES = 50;
    private final DealStore deals;
    private final OutboxRelay relay;
    private final BrokerageProperties props;
    private final Clock clock;

    IdleSweep(DealStore deals, OutboxRelay relay, BrokerageProperties props, Leases leases, Clock clock) {
        super("sweep:idle-deals", props.idleSweepInterval(), leases);
        this.deals = deals;
        this.relay = relay;
        this.props = props;
        this.clock = clock;
    }

    /** Emits how many deals it marked idle. */
    @Override
    protected Mono<Long> runOnce(Lease lease) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return batches(now.minus(Duration.ofDays(props.idleDays())), now, BATCHES, lease)
            .doOnNext(marked -> { if (marked > 0) relay.nudge(DealStore.COLLECTION); });
    }

    private Mono<Long> batches(Instant before, Instant now, int left, Lease lease) {
        return deals.idleSince(before, BATCH).collectList().flatMap(found -> Flux.fromIterable(found)
            .concatMap(d -> mark(d, now, lease.fence())).filter(marked -> marked).count()
            .flatMap(marked -> found.size() < BATCH || left <= 1 ? Mono.just(marked)
                : batches(before, now, left - 1, lease).map(more -> more + marked)));
    }

    private Mono<Boolean> mark(DealDocument d, Instant now, Fence fence) {
        return deals.markIdle(d.id(), d.version(), new PendingEvent(Ids.next("evt", now), DealEvents.IDLE, d.version(), now), fence);
    }
}
