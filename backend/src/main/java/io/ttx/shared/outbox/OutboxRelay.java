package io.ttx.shared.outbox;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.Date;
import java.util.List;

/**
 * Publishes the events waiting in aggregate documents to the consumers of their type, then removes exactly the
 * delivered events from each document ({@code $pull} by id, so an event appended meanwhile stays). Runs every
 * poll interval and right after a write nudges it; a lease per source keeps several replicas from doing the same
 * work twice. A consumer failure leaves the events pending for the next round (only the aggregates it names when it
 * reports per aggregate): nothing is lost, and a process dying between a write and its relay only delays delivery.
 * After a failed round the source is retried with exponential backoff (the poll interval doubling up to {@code ttx.outbox.max-backoff}).
 */
@Component
public class OutboxRelay implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private final ReactiveMongoTemplate mongo;
    private final Leases leases;
    private final OutboxProperties props;
    private final ObjectProvider<OutboxSource> sources;
    private final ObjectProvider<OutboxConsumer> consumers;
    private final Sinks.Many<String> nudges = Sinks.many().multicast().directBestEffort();
    private Disposable running = Disposables.disposed();
    private final RetryBackoff backoff;

    OutboxRelay(ReactiveMongoTemplate mongo, Leases leases, OutboxProperties props,
                ObjectProvider<OutboxSource> sources, ObjectProvider<OutboxConsumer> consumers) {
        this.mongo = mongo;
        this.leases = leases;
        this.props = props;
        this.sources = sources;
        this.consumers = consumers;
        this.backoff = new RetryBackoff(props.pollInterval(), props.maxBackoff(), java.time.Clock.systemUTC());
    }

    /** Asks for a relay round soon (after a write), instead of waiting for the next poll. */
    public void nudge(String collection) {
        nudges.tryEmitNext(collection);
    }

    /** One relay round over a source: deliver up to a batch of pending events. Emits how many were delivered. */
    public Mono<Integer> relayOnce(OutboxSource source) {
        return leases.acquire("outbox:" + source.collection(), props.leaseTtl())
            .flatMap(held -> held ? deliver(source) : Mono.just(0));
    }

    private Mono<Integer> deliver(OutboxSource source) {
        // "pendingEvents.0 exists" scans on every poll; "pendingEvents.id exists" (answerable from the sparse index on a
        // real MongoDB) made the dev stack's MongoDB server miss pending events, so the scan stays (docs/performance.md)
        Query pending = Query.query(Criteria.where("pendingEvents.0").exists(true)).limit(props.batchSize());
        pending.fields().include("_id").include("pendingEvents");
        return mongo.find(pending, Document.class, source.collection()).collectList().flatMap(docs -> {
            if (docs.isEmpty()) return Mono.just(0);
            List<OutboxEvent> events = new ArrayList<>();
            for (Document d : docs) {
                for (Document e : d.getList("pendingEvents", Document.class)) events.add(toEvent(e, source, d.getString("_id")));
            }
            List<OutboxConsumer> targets = consumers.orderedStream().filter(c -> c.aggregateType().equals(source.aggregateType())).toList();
            Set<String> failed = new HashSet<>();
            return Flux.fromIterable(targets).concatMap(c -> c.acceptEach(events).doOnNext(failed::addAll)).then()
                .then(Mono.defer(() -> Flux.fromIterable(docs).filter(d -> !failed.contains(d.getString("_id"))).concatMap(d -> markDone(source, d)).then()))
                .then(Mono.defer(() -> failed.isEmpty() ? Mono.just(events.size())
                    : Mono.error(new PartialDelivery(source.collection(), failed.size()))));
        });
    }

    /** Some aggregates' events stay pending after a round: the source backs off like after a failed round. */
    static final class PartialDelivery extends RuntimeException {
        PartialDelivery(String collection, int pending) {
            super(pending + " aggregates of " + collection + " stay pending", null, false, false);
        }
    }

    private Mono<Void> markDone(OutboxSource source, Document doc) {
        // $pullAll removes exactly the delivered event documents (as read), nothing appended since
        Update pull = new Update().pullAll("pendingEvents", doc.getList("pendingEvents", Document.class).toArray());
        // one atomic update per document; $pullAll matches the delivered events exactly as read, so an event appended
        // meanwhile stays (a $pull by {id: {$in: ...}} removed such events on the dev MongoDB server)
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(doc.getString("_id"))), pull, Document.class, source.collection()).then();
    }

    private static OutboxEvent toEvent(Document e, OutboxSource source, String aggregateId) {
        Object at = e.get("at");
        return new OutboxEvent(e.getString("id"), e.getString("type"), source.aggregateType(), aggregateId,
            ((Number) e.get("version")).longValue(), at instanceof Date d ? d.toInstant() : java.time.Instant.parse(String.valueOf(at)));
    }

    @Override
    public void start() {
        if (!props.enabled()) return;
        List<OutboxSource> all = sources.orderedStream().toList();
        running = Flux.merge(Flux.interval(props.pollInterval()).map(t -> "*"), nudges.asFlux())
            .onBackpressureDrop()
            .concatMap(trigger -> Flux.fromIterable(all)
                .filter(s -> trigger.equals("*") || trigger.equals(s.collection()))
                .filter(s -> backoff.due(s.collection()))
                .concatMap(s -> relayOnce(s).doOnNext(n -> backoff.succeeded(s.collection())).onErrorResume(e -> {
                    Duration wait = backoff.failed(s.collection());
                    if (e instanceof PartialDelivery || io.ttx.shared.web.Failures.storeUnavailable(e)) {
                        log.warn("outbox relay of {} failed, retrying in {} ms: {}", s.collection(), wait.toMillis(), e.toString());
                    } else {
                        log.error("outbox relay of {} failed, retrying in {} ms", s.collection(), wait.toMillis(), e);
                    }
                    return Mono.just(0);
                })), 1)
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
