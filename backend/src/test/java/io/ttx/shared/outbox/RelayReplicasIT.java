package io.ttx.shared.outbox;

import io.ttx.testsupport.IntegrationTest;
import io.ttx.testsupport.MutableClock;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
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
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several backend replicas relaying the same outbox: the lease in MongoDB lets one at a time work a source, the
 * other takes over only when the lease expires, and every event is delivered once while the holder lives.
 */
class RelayReplicasIT extends IntegrationTest {
    private static final String COLLECTION = "relay_replicas_test";
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
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            docs.add(new Document("_id", type + "-" + i).append("pendingEvents", List.of(new Document("id", "evt-" + i).append("type", "Tested")
                .append("version", 1L).append("at", Date.from(Instant.now())))));
        }
        mongo.insert(docs, COLLECTION).blockLast(Duration.ofSeconds(30));
        OutboxSource source = new OutboxSource(COLLECTION, type);
        List<String> byA = new CopyOnWriteArrayList<>();
        List<String> byB = new CopyOnWriteArrayList<>();
        OutboxProperties props = new OutboxProperties(Duration.ofSeconds(1), 50, Duration.ofSeconds(30), false);
        OutboxRelay a = relay(source, recording(type, byA), props);
        OutboxRelay b = relay(source, recording(type, byB), props);

        // both replicas poll the source at the same time until nothing is pending
        eventually(Duration.ofSeconds(60), () -> {
            Flux.merge(a.relayOnce(source), b.relayOnce(source)).blockLast(Duration.ofSeconds(30));
            assertThat(mongo.count(Query.query(Criteria.where("pendingEvents.0").exists(true)), COLLECTION).block()).isZero();
        });
        List<String> all = new ArrayList<>(byA);
        all.addAll(byB);
        assertThat(all).hasSize(300).doesNotHaveDuplicates();
        assertThat(byA.isEmpty() || byB.isEmpty()).as("one replica holds the lease while it lives").isTrue();
    }

    private OutboxRelay relay(OutboxSource source, OutboxConsumer consumer, OutboxProperties props) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("source", source);
        beans.addBean("consumer", consumer);
        return new OutboxRelay(mongo, new Leases(mongo, clock), props, beans.getBeanProvider(OutboxSource.class), beans.getBeanProvider(OutboxConsumer.class));
    }

    private static OutboxConsumer recording(String type, List<String> into) {
        return new OutboxConsumer() {
            @Override
            public String aggregateType() {
                return type;
            }

            @Override
            public Mono<Void> accept(List<OutboxEvent> events) {
                events.forEach(e -> into.add(e.id()));
                return Mono.empty();
            }
        };
    }
}
