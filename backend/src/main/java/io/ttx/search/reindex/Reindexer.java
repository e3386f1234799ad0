package io.ttx.search.reindex;

import io.ttx.documents.ListingTexts;
import io.ttx.identity.CurrentUser;
import io.ttx.search.SearchProperties;
import io.ttx.search.elastic.ListingIndexer;
import io.ttx.search.elastic.SearchIndex;
import io.ttx.search.persistence.ReindexJobStore;
import io.ttx.shared.Ids;
import io.ttx.shared.MalformedInput;
import io.ttx.shared.jobs.Fence;
import io.ttx.shared.jobs.Lease;
import io.ttx.shared.jobs.LeaseLost;
import io.ttx.shared.jobs.Leases;
import io.ttx.shared.web.FieldErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * Rebuilds search indices without downtime. Per alias: note the time, create the next generation (refresh off),
 * bulk-load every live listing from MongoDB, refresh, switch the alias in one atomic update, then re-index every
 * listing changed since the noted time (events relayed during the load went to the old generation; external
 * versions make the repeat harmless). Searches use the alias throughout and see the old or the new generation,
 * never neither. The previous generation is kept for a rollback; older ones are dropped. A lease in MongoDB lets
 * one replica at a time rebuild; the job runs in the background and reports progress in its stored record.
 */
@Component
public class Reindexer {
    private static final Logger log = LoggerFactory.getLogger(Reindexer.class);
    private static final String LEASE = "search-reindex";
    private static final String FENCE = "fence";
    private static final String TAKEN_OVER = "Another replica took the reindex over; start it again if needed.";
    /** Document text extracted while loading is caught up through documents uploaded this long before the start. */
    private static final Duration EXTRACTION_WINDOW = Duration.ofHours(1);
    private final List<ListingIndexer<?>> indexers;
    private final ReindexJobStore jobs;
    private final Leases leases;
    private final ListingTexts texts;
    private final SearchProperties props;
    private final Clock clock;
    private final AtomicBoolean runningHere = new AtomicBoolean();

    Reindexer(List<ListingIndexer<?>> indexers, ReindexJobStore jobs, Leases leases, ListingTexts texts, SearchProperties props, Clock clock) {
        this.indexers = indexers;
        this.jobs = jobs;
        this.leases = leases;
        this.texts = texts;
        this.props = props;
        this.clock = clock;
    }

    /** The aliases that can be rebuilt. */
    public List<String> aliases() {
        return indexers.stream().map(i -> i.index().alias()).toList();
    }

    /** Starts a rebuild of these aliases (all when empty) unless one is running (409); returns the new job. */
    public Mono<ReindexJob> start(CurrentUser user, List<String> requested) {
        List<String> unknown = requested.stream().filter(a -> !aliases().contains(a)).toList();
        if (!unknown.isEmpty()) {
            return Mono.error(new MalformedInput(List.of(FieldErrors.of("indices", "unknown-index", "one of " + aliases()))));
        }
        List<ListingIndexer<?>> chosen = indexers.stream()
            .filter(i -> requested.isEmpty() || requested.contains(i.index().alias())).toList();
        // the lease keeps other replicas out; the flag this one (its own lease would let it in again)
        if (!runningHere.compareAndSet(false, true)) return Mono.error(new ReindexRunning());
        AtomicBoolean started = new AtomicBoolean();
        return leases.acquire(LEASE, props.reindexLease()).switchIfEmpty(Mono.error(ReindexRunning::new)).flatMap(lease -> {
            Instant now = clock.instant();
            List<ReindexJob.Target> targets = chosen.stream().map(i -> new ReindexJob.Target(i.index().alias(), null, null, 0, 0, false)).toList();
            ReindexJob job = new ReindexJob(Ids.next("rix", now), ReindexJob.Status.RUNNING, user.subject(), now, now, null, targets, null);
            Fence fence = lease.fence(FENCE);
            // a job still RUNNING belongs to a replica that lost the lease: marked under our token, it can no longer write
            return jobs.interruptRunning(TAKEN_OVER, fence).then(jobs.insert(job, fence)).doOnNext(saved -> {
                started.set(true);
                runInBackground(saved, chosen, lease);
            });
        }).doOnError(e -> runningHere.set(false)).doOnCancel(() -> {
            if (!started.get()) runningHere.set(false);
        });
    }

    /** The job as stored, INTERRUPTED when it says RUNNING but its replica stopped renewing it. */
    public Mono<ReindexJob> get(String id) {
        return jobs.find(id).switchIfEmpty(Mono.error(new ReindexJobNotFound())).map(j ->
            j.status() == ReindexJob.Status.RUNNING && j.heartbeatAt().plus(props.reindexLease()).isBefore(clock.instant())
                ? j.with(ReindexJob.Status.INTERRUPTED, j.indices(), null, "The replica running the reindex stopped; start it again.", j.heartbeatAt())
                : j);
    }

    private void runInBackground(ReindexJob job, List<ListingIndexer<?>> chosen, Lease lease) {
        Fence fence = lease.fence(FENCE);
        AtomicReference<ReindexJob> state = new AtomicReference<>(job);
        // renews the lease and moves only the heartbeat field (a whole-document save here could land after a newer
        // progress save and undo it); a lost lease ends the rebuild, a store that does not answer only skips a beat
        Mono<Void> heartbeat = Flux.interval(props.reindexLease().dividedBy(4))
            .concatMap(t -> lease.renew().then(Mono.defer(() -> jobs.heartbeat(job.id(), clock.instant(), fence)))
                .onErrorResume(e -> !(e instanceof LeaseLost), e -> Mono.empty()))
            .then(Mono.never());
        Mono<Void> work = Flux.range(0, chosen.size())
            .concatMap(n -> rebuild(chosen.get(n), n, state, fence))
            .then(Mono.defer(() -> save(state, state.get().with(ReindexJob.Status.DONE, state.get().indices(), clock.instant(), null, clock.instant()), fence)));
        Mono.firstWithSignal(work, heartbeat)
            .onErrorResume(e -> {
                if (e instanceof LeaseLost) {
                    log.warn("search reindex {} stopped: {}", job.id(), e.getMessage());
                    return Mono.empty(); // the job is no longer ours to write
                }
                log.error("search reindex {} failed", job.id(), e);
                return save(state, state.get().with(ReindexJob.Status.FAILED, state.get().indices(), clock.instant(),
                    "The rebuild failed (" + e.getClass().getSimpleName() + "); the aliases still point to complete indices.", clock.instant()), fence)
                    .onErrorResume(LeaseLost.class, x -> Mono.empty());
            })
            .doFinally(s -> leases.release(LEASE).doFinally(x -> runningHere.set(false)).subscribe())
            .subscribe();
    }

    private Mono<Void> rebuild(ListingIndexer<?> indexer, int n, AtomicReference<ReindexJob> state, Fence fence) {
        SearchIndex index = indexer.index();
        Instant since = clock.instant();
        return index.ready().then(index.current()).flatMap(from -> {
            String to = index.nextAfter(from);
            log.info("search reindex: building {} for alias {} (was {})", to, index.alias(), from);
            AtomicLong copied = new AtomicLong();
            // every step is deferred: the stored progress must be computed when the step runs, not when it is assembled
            Mono<Void> load = index.drop(to).then(index.create(to)).then(index.refreshInterval(to, "-1"))
                .then(progress(state, fence, n, t -> new ReindexJob.Target(t.alias(), from, to, 0, 0, false)))
                .thenMany(indexer.copyAll(to))
                .concatMap(size -> progress(state, fence, n, t -> new ReindexJob.Target(t.alias(), from, to, copied.addAndGet(size), 0, false)))
                .then(Mono.defer(() -> index.refreshInterval(to, "1s"))).then(Mono.defer(() -> index.refresh(to)));
            return load
                .onErrorResume(e -> index.drop(to).onErrorResume(x -> Mono.empty()).then(Mono.error(e)))
                .then(Mono.defer(() -> index.switchAlias(from, to)))
                .then(progress(state, fence, n, t -> new ReindexJob.Target(t.alias(), from, to, copied.get(), 0, true)))
                .then(Mono.defer(() -> catchUp(indexer, since)))
                .flatMap(caught -> progress(state, fence, n, t -> new ReindexJob.Target(t.alias(), from, to, copied.get(), caught, true)))
                .then(Mono.defer(() -> dropOlderThan(index, from)));
        });
    }

    private Mono<Long> catchUp(ListingIndexer<?> indexer, Instant since) {
        Mono<Long> changed = indexer.refreshChangedSince(since);
        Mono<Long> withNewText = texts.listingsWithUploadsSince(indexer.kind(), since.minus(EXTRACTION_WINDOW))
            .buffer(500).concatMap(ids -> indexer.refresh(ListingIndexer.anyVersion(ids)).thenReturn((long) ids.size()))
            .reduce(0L, Long::sum);
        return changed.zipWith(withNewText, Long::sum);
    }

    private static Mono<Void> dropOlderThan(SearchIndex index, String keep) {
        return index.generations().flatMapMany(Flux::fromIterable)
            .filter(g -> SearchIndex.generation(g) < SearchIndex.generation(keep))
            .concatMap(index::drop).then();
    }

    /** Saves the job with one target changed, when subscribed (never at assembly). */
    private Mono<Void> progress(AtomicReference<ReindexJob> state, Fence fence, int n, UnaryOperator<ReindexJob.Target> change) {
        return Mono.defer(() -> {
            ReindexJob j = state.get();
            List<ReindexJob.Target> targets = new ArrayList<>(j.indices());
            targets.set(n, change.apply(targets.get(n)));
            return save(state, j.with(j.status(), targets, null, null, clock.instant()), fence);
        });
    }

    /** Saves the job, fenced: {@link LeaseLost} once another replica took the reindex over (the rebuild then stops). */
    private Mono<Void> save(AtomicReference<ReindexJob> state, ReindexJob next, Fence fence) {
        state.set(next);
        return jobs.save(next, fence);
    }
}
