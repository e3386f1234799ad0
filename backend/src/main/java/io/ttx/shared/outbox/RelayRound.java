package io.ttx.shared.outbox;

import io.ttx.shared.jobs.Fence;
import io.ttx.shared.jobs.Lease;
import io.ttx.shared.jobs.LeaseLost;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One relay round over one source, under its lease: reads the documents with the oldest pending events, offers each
 * consumer the events it still owes (renewing the lease before each), and, after renewing the lease once more (a
 * round that lost it stops here, before it writes anything), writes the delivery records (failed attempts, dead
 * letters, "handled" for events another consumer still owes) and only then removes the events that are done for
 * every consumer from their documents.
 */
final class RelayRound {
    private static final Logger log = LoggerFactory.getLogger(RelayRound.class);
    private final ReactiveMongoTemplate mongo;
    private final DeliveryLog deliveries;
    private final DeadLetterCount deadLetters;
    private final OutboxProperties props;
    private final Clock clock;
    // retries are timed by the system clock, not the application's: tests move that one, and must not stall or rush them
    private final Clock timer = Clock.systemUTC();

    RelayRound(ReactiveMongoTemplate mongo, DeliveryLog deliveries, DeadLetterCount deadLetters, OutboxProperties props, Clock clock) {
        this.mongo = mongo;
        this.deliveries = deliveries;
        this.deadLetters = deadLetters;
        this.props = props;
        this.clock = clock;
    }

    /** Emits how many events left their documents (done for every consumer). */
    Mono<Integer> run(OutboxSource source, List<OutboxConsumer> consumers, Lease lease) {
        String collection = source.collection();
        List<String> names = consumers.stream().map(OutboxConsumer::name).toList();
        return oldestFirst(source).flatMap(entries -> entries.isEmpty() ? Mono.just(0) : deliveries.states(collection, entries, names).flatMap(before -> {
            RoundOutcome outcome = new RoundOutcome(collection, entries, names, before, props, timer.instant());
            return Flux.fromIterable(consumers).concatMap(c -> {
                    List<Pending> due = outcome.due(c.name());
                    return due.isEmpty() ? Mono.<ConsumerResult>empty()
                        : lease.renew().then(deliver(c, due, lease)).doOnNext(r -> outcome.record(c.name(), r));
                })
                .then(lease.renew()) // the last moment to find out that another replica took over: then nothing is written
                .then(Mono.defer(() -> write(collection, outcome, lease)))
                .then(Mono.defer(() -> {
                    Throwable down = outcome.outage();
                    return down == null ? Mono.just(outcome.done().size()) : Mono.<Integer>error(new ConsumerUnavailable(collection, down));
                }));
        }));
    }

    private Mono<List<Pending>> oldestFirst(OutboxSource source) {
        // "pendingEvents.0 exists" scans on every poll; "pendingEvents.id exists" (answerable from the sparse index on a
        // real MongoDB) made the dev stack's MongoDB server miss pending events, so the scan stays (docs/performance.md).
        // Ascending on an array field sorts by its smallest value: documents come by their oldest pending event, so a
        // flood of new events cannot starve old ones.
        Query q = Query.query(Criteria.where(Pending.FIELD + ".0").exists(true))
            .with(Sort.by(Sort.Order.asc(Pending.FIELD + ".at"), Sort.Order.asc("_id"))).limit(props.batchSize());
        q.fields().include("_id").include(Pending.FIELD);
        return mongo.find(q, Document.class, source.collection()).collectList().map(docs -> Pending.of(source, docs));
    }

    private Mono<ConsumerResult> deliver(OutboxConsumer c, List<Pending> due, Lease lease) {
        return c.acceptEach(events(due)).defaultIfEmpty(Set.of()).map(failed -> ConsumerResult.reported(due, failed))
            .onErrorResume(e -> !(e instanceof LeaseLost), e -> oneByOne(c, due, e, lease));
    }

    /** The batch failed as a whole: each aggregate again on its own, to find which ones fail (see {@link Isolation}). */
    private Mono<ConsumerResult> oneByOne(OutboxConsumer c, List<Pending> due, Throwable batchError, Lease lease) {
        Map<String, List<Pending>> byAggregate = new LinkedHashMap<>();
        due.forEach(p -> byAggregate.computeIfAbsent(p.aggregateId(), a -> new ArrayList<>()).add(p));
        if (byAggregate.size() == 1) return Mono.just(Isolation.single(due, batchError));
        List<List<Pending>> groups = new ArrayList<>(byAggregate.values());
        Collections.shuffle(groups); // the same two bad aggregates first in every round must not pass for an outage for ever
        Isolation isolation = new Isolation();
        return Flux.fromIterable(groups).concatMap(group -> Mono.defer(() -> isolation.gaveUp() ? Mono.<Set<String>>empty()
                : lease.renew().then(c.acceptEach(events(group)).defaultIfEmpty(Set.of()))
                    .doOnNext(failed -> isolation.reported(group, failed))
                    // recorded, not swallowed: the isolation counts it as a failed attempt (or an outage)
                    .onErrorResume(e -> !(e instanceof LeaseLost), e -> Mono.fromRunnable(() -> isolation.failed(group, e)))))
            .then(Mono.fromSupplier(isolation::result));
    }

    /**
     * Every write is fenced by the lease's token (a renewal can answer just before another replica takes over): a
     * delivery record a newer holder wrote stops the round ({@link LeaseLost}); an aggregate document it pulled events
     * from is left alone (the pull is skipped: that holder owns the document's events now).
     */
    private Mono<Void> write(String collection, RoundOutcome outcome, Lease lease) {
        Instant now = clock.instant();
        Fence records = lease.fence(DeliveryLog.FENCE);
        List<RoundOutcome.Write> writes = outcome.writes();
        Map<String, List<Object>> done = new LinkedHashMap<>();
        outcome.done().forEach(p -> done.computeIfAbsent(p.aggregateId(), a -> new ArrayList<>()).add(p.raw()));
        report(collection, writes);
        // the records first: a dead letter exists before its event leaves the document
        return Flux.fromIterable(writes).flatMap(w -> deliveries.write(collection, w, now, records), 8)
            .thenMany(Flux.fromIterable(done.entrySet()).flatMap(d -> pull(collection, d.getKey(), d.getValue(), lease.fence(Pending.FENCE)), 8))
            .then(Mono.defer(() -> deliveries.forget(outcome.forgettable(), records)))
            .then(writes.stream().anyMatch(w -> w instanceof RoundOutcome.Dead) ? deadLetters.refresh().then() : Mono.empty());
    }

    /** Removes these events (as read) from their document; false when a newer holder of the lease wrote it meanwhile. */
    private Mono<Boolean> pull(String collection, String aggregateId, List<Object> events, Fence fence) {
        return mongo.updateFirst(Query.query(fence.on(Criteria.where("_id").is(aggregateId))),
            fence.mark(new Update().pullAll(Pending.FIELD, events.toArray())), collection).map(r -> r.getMatchedCount() > 0);
    }

    /** One line per consumer that failed events (they are retried), one per dead letter. */
    private static void report(String collection, List<RoundOutcome.Write> writes) {
        Map<String, List<RoundOutcome.Failed>> failed = new LinkedHashMap<>();
        for (RoundOutcome.Write w : writes) {
            if (w instanceof RoundOutcome.Failed f) failed.computeIfAbsent(f.consumer(), c -> new ArrayList<>()).add(f);
            if (w instanceof RoundOutcome.Dead d) {
                log.warn("{} gave up on event {} of {} {} after {} attempts ({}): it is a dead letter now", d.consumer(),
                    d.entry().event().id(), collection, d.entry().aggregateId(), d.attempts(), d.error());
            }
        }
        failed.forEach((consumer, list) -> log.warn("{} failed {} events of {}, retried later; e.g. {} (attempt {}: {})", consumer,
            list.size(), collection, list.getFirst().entry().aggregateId(), list.getFirst().attempts(), list.getFirst().error()));
    }

    private static List<OutboxEvent> events(List<Pending> entries) {
        return entries.stream().map(Pending::event).toList();
    }

    /** A consumer's store is down: its events stay pending, and the source backs off like after any failed round. */
    static final class ConsumerUnavailable extends RuntimeException {
        ConsumerUnavailable(String collection, Throwable cause) {
            super("a consumer of " + collection + " could not reach its store (" + cause + "); its events stay pending", cause, false, false);
        }
    }
}
