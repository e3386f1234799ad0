package io.ttx.shared.outbox;

import io.ttx.shared.jobs.Leases;
import io.ttx.testsupport.IntegrationTest;
import io.ttx.testsupport.MutableClock;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The relay against the real MongoDB server. Several backend replicas relaying the same outbox: the lease lets one
 * at a time work a source, the other takes over only when the lease expires, and every event is delivered once while
 * the holder lives. A consumer that reports failed aggregates leaves exactly their events pending.
 */
class OutboxRelayIT extends IntegrationTest {
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aLeaseIsHeldByOneReplicaAndTakenOverOnlyAfterItExpires() {
        Leases a = new Leases(mongo, clock);
        Leases b = new Leases(mongo, clock);
        String name = "test-lease-" + System.nanoTime();
        assertThat(a.acquire(name, Duration.ofSeconds(10)).block()).isTrue();
        assertThat(b.acquire(name, Duration.ofSeconds(10)).block()).isFalse();
        assertThat(a.acquire(name, Duration.ofSeconds(10)).block()).isTrue(); // renewal
        clock.advance(Duration.ofSeconds(11));
        assertThat(b.acquire(name, Duration.ofSeconds(10)).block()).isTrue();
        assertThat(a.acquire(name, Duration.ofSeconds(10)).block()).isFalse();
        b.release(name).block();
        assertThat(a.acquire(name, Duration.ofSeconds(10)).block()).isTrue();
    }

    @Test
    void twoReplicasRelayingTheSameSourceDeliverEveryEventExactlyOnce() {
        String type = "replicatest" + System.nanoTime();
        String collection = "outbox_test_" + type;
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            docs.add(new Document("_id", type + "-" + i).append("pendingEvents", List.of(new Document("id", "evt-" + i).append("type", "Tested")
                .append("version", 1L).append("at", Date.from(Instant.now())))));
        }
        mongo.insert(docs, collection).blockLast(Duration.ofSeconds(30));
        OutboxSource source = new OutboxSource(collection, type);
        List<String> byA = new CopyOnWriteArrayList<>();
        List<String> byB = new CopyOnWriteArrayList<>();
        OutboxProperties props = new OutboxProperties(Duration.ofSeconds(1), 50, Duration.ofSeconds(30), false, null);
        OutboxRelay a = relay(source, recording(type, byA), props);
        OutboxRelay b = relay(source, recording(type, byB), props);

        // both replicas poll the source at the same time until nothing is pending
        eventually(Duration.ofSeconds(60), () -> {
            Flux.merge(a.relayOnce(source), b.relayOnce(source)).blockLast(Duration.ofSeconds(30));
            assertThat(mongo.count(Query.query(Criteria.where("pendingEvents.0").exists(true)), collection).block()).isZero();
        });
        List<String> all = new ArrayList<>(byA);
        all.addAll(byB);
        assertThat(all).hasSize(300).doesNotHaveDuplicates();
        assertThat(byA.isEmpty() || byB.isEmpty()).as("one replica holds the lease while it lives").isTrue();
    }

    @Test
    void onlyTheAggregatesAConsumerCouldNotHandleStayPendingAndAreRetried() {
        String type = "partialtest" + System.nanoTime();
        String collection = "outbox_test_" + type; // a lease per collection: not shared with the other test
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            docs.add(new Document("_id", type + "-" + i).append("pendingEvents", List.of(new Document("id", type + "-evt-" + i).append("type", "Tested")
                .append("version", 1L).append("at", Date.from(Instant.now())))));
        }
        mongo.insert(docs, collection).blockLast(Duration.ofSeconds(30));
        OutboxSource source = new OutboxSource(collection, type);
        List<String> delivered = new CopyOnWriteArrayList<>();
        AtomicBoolean refuseOne = new AtomicBoolean(true);
        OutboxConsumer consumer = OutboxConsumer.perAggregate(type, events -> {
            events.forEach(e -> delivered.add(e.aggregateId()));
            return Mono.just(refuseOne.getAndSet(false) ? Set.of(type + "-3") : Set.of());
        });
        OutboxRelay relay = relay(source, consumer, new OutboxProperties(Duration.ofSeconds(1), 50, Duration.ofSeconds(30), false, null));
        assertThatThrownBy(() -> relay.relayOnce(source).block(Duration.ofSeconds(30)))
            .hasMessageContaining("1 aggregates");
        assertThat(mongo.find(Query.query(Criteria.where("_id").regex("^" + type).and("pendingEvents.0").exists(true)), Document.class, collection)
            .map(d -> d.getString("_id")).collectList().block(Duration.ofSeconds(10))).containsExactly(type + "-3");
        assertThat(relay.relayOnce(source).block(Duration.ofSeconds(30))).isEqualTo(1);
        assertThat(delivered).hasSize(6).containsOnlyOnce(type + "-0", type + "-1", type + "-2", type + "-4");
        assertThat(mongo.count(Query.query(Criteria.where("_id").regex("^" + type).and("pendingEvents.0").exists(true)), collection).block()).isZero();
    }

    private OutboxRelay relay(OutboxSource source, OutboxConsumer consumer, OutboxProperties props) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("source", source);
        beans.addBean("consumer", consumer);
        return new OutboxRelay(mongo, new Leases(mongo, clock), props, beans.getBeanProvider(OutboxSource.class), beans.getBeanProvider(OutboxConsumer.class));
    }

    private static OutboxConsumer recording(String type, List<String> into) {
        return OutboxConsumer.of(type, events -> {
            events.forEach(e -> into.add(e.id()));
            return Mono.empty();
        });
    }
}
