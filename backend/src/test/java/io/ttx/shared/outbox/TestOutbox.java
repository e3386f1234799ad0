package io.ttx.shared.outbox;

import io.ttx.shared.jobs.Leases;
import org.bson.Document;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** A source of its own for one relay test (own collection, own lease), and relays over it with chosen consumers. */
final class TestOutbox {
    final String type;
    final String collection;
    final OutboxSource source;
    private final ReactiveMongoTemplate mongo;
    private final DeliveryLog deliveries;
    private final DeadLetterCount deadLetters;
    private final Clock clock;

    TestOutbox(String name, ReactiveMongoTemplate mongo, DeliveryLog deliveries, DeadLetterCount deadLetters, Clock clock) {
        this.type = name + System.nanoTime();
        this.collection = "outbox_test_" + type;
        this.source = new OutboxSource(collection, type);
        this.mongo = mongo;
        this.deliveries = deliveries;
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    /** Settings for a test relay: not started, retries due at once, {@code maxAttempts} attempts. */
    static OutboxProperties props(int batchSize, int maxAttempts) {
        return new OutboxProperties(Duration.ofMillis(1), batchSize, Duration.ofSeconds(30), false, Duration.ofMillis(1), maxAttempts);
    }

    /** Aggregates {@code <prefix>-0 ...} with one pending event each, {@code <prefix>-i-evt}, all happened now. */
    List<String> insert(String prefix, int count) {
        List<Document> docs = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(prefix + "-" + i);
            docs.add(aggregate(prefix + "-" + i, event(prefix + "-" + i + "-evt", 1, Instant.now())));
        }
        mongo.insert(docs, collection).blockLast(Duration.ofSeconds(30));
        return ids;
    }

    void insert(Document aggregate) {
        mongo.insert(aggregate, collection).block(Duration.ofSeconds(10));
    }

    /** What a producer does: append one event to the aggregate's pending events. */
    void append(String aggregateId, Document event) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(aggregateId)), new Update().push(Pending.FIELD, event), collection)
            .block(Duration.ofSeconds(10));
    }

    static Document aggregate(String id, Document... events) {
        return new Document("_id", id).append(Pending.FIELD, List.of(events));
    }

    static Document event(String id, long version, Instant at) {
        return new Document("id", id).append("type", "Tested").append("version", version).append("at", Date.from(at));
    }

    /** The aggregates that still have pending events. */
    List<String> pending() {
        return mongo.find(Query.query(Criteria.where(Pending.FIELD + ".0").exists(true)), Document.class, collection)
            .map(d -> d.getString("_id")).collectList().block(Duration.ofSeconds(10));
    }

    /** The relay's delivery records about this source (dead letters included). */
    List<Document> records() {
        return mongo.find(Query.query(Criteria.where("source").is(collection)), Document.class, DeliveryLog.COLLECTION)
            .collectList().block(Duration.ofSeconds(10));
    }

    OutboxRelay relay(OutboxProperties props, Leases leases, OutboxConsumer... consumers) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("source", source);
        for (int i = 0; i < consumers.length; i++) beans.addBean("consumer" + i, consumers[i]);
        return new OutboxRelay(mongo, leases, props, beans.getBeanProvider(OutboxSource.class), beans.getBeanProvider(OutboxConsumer.class),
            deliveries, deadLetters, clock);
    }
}
