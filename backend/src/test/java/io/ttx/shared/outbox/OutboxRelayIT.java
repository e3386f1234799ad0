package io.ttx.shared.outbox;

import io.ttx.shared.jobs.LeaseLost;
import io.ttx.shared.jobs.Leases;
import io.ttx.testsupport.IntegrationTest;
import io.ttx.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The relay against the real MongoDB server. Several backend replicas relaying the same outbox: the lease lets one
 * at a time work a source, the other takes over only when the lease expires, and every event is delivered once while
 * the holder lives; a round renews its lease and stops before writing once it lost it. Documents come oldest pending
 * event first. Per consumer: a consumer that reports failed aggregates leaves exactly their events pending, for itself
 * only.
 */
class OutboxRelayIT extends IntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    MutableClock clock;
    @Autowired
    DeliveryLog deliveries;
    @Autowired
    DeadLetterCount deadLetters;

    @BeforeEach
    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private TestOutbox outbox(String name) {
        return new TestOutbox(name, mongo, deliveries, deadLetters, clock);
    }

    @Test
    void aLeaseIsHeldByOneReplicaAndTakenOverOnlyAfterItExpires() {
        Leases a = new Leases(mongo, clock);
        Leases b = new Leases(mongo, clock);
        String name = "test-lease-" + System.nanoTime();
        assertThat(a.acquire(name, Duration.ofSeconds(10)).hasElement().block()).isTrue();
        assertThat(b.acquire(name, Duration.ofSeconds(10)).hasElement().block()).isFalse();
        assertThat(a.acquire(name, Duration.ofSeconds(10)).hasElement().block()).isTrue(); // renewal
        clock.advance(Duration.ofSeconds(11));
        assertThat(b.acquire(name, Duration.ofSeconds(10)).hasElement().block()).isTrue();
        assertThat(a.acquire(name, Duration.ofSeconds(10)).hasElement().block()).isFalse();
        b.release(name).block();
        assertThat(a.acquire(name, Duration.ofSeconds(10)).hasElement().block()).isTrue();
    }

    @Test
    void twoReplicasRelayingTheSameSourceDeliverEveryEventExactlyOnce() {
        TestOutbox outbox = outbox("replicatest");
        outbox.insert(outbox.type, 300);
        List<String> byA = new CopyOnWriteArrayList<>();
        List<String> byB = new CopyOnWriteArrayList<>();
        OutboxRelay a = outbox.relay(TestOutbox.props(50, 10), new Leases(mongo, clock), recording("index", outbox.type, byA));
        OutboxRelay b = outbox.relay(TestOutbox.props(50, 10), new Leases(mongo, clock), recording("index", outbox.type, byB));

        // both replicas poll the source at the same time until nothing is pending
        eventually(Duration.ofSeconds(60), () -> {
            Flux.merge(a.relayOnce(outbox.source), b.relayOnce(outbox.source)).blockLast(WAIT);
            assertThat(outbox.pending()).isEmpty();
        });
        List<String> all = new ArrayList<>(byA);
        all.addAll(byB);
        assertThat(all).hasSize(300).doesNotHaveDuplicates();
        assertThat(byA.isEmpty() || byB.isEmpty()).as("one replica holds the lease while it lives").isTrue();
    }

    @Test
    void onlyTheAggregatesAConsumerCouldNotHandleStayPendingAndAreRetried() {
        TestOutbox outbox = outbox("partialtest");
        outbox.insert(outbox.type, 5);
        List<String> delivered = new CopyOnWriteArrayList<>();
        AtomicInteger refusals = new AtomicInteger(1);
        OutboxConsumer consumer = OutboxConsumer.perAggregate("index", outbox.type, events -> {
            events.forEach(e -> delivered.add(e.aggregateId()));
            return Mono.just(refusals.getAndDecrement() > 0 ? Set.of(outbox.type + "-3") : Set.of());
        });
        OutboxRelay relay = outbox.relay(TestOutbox.props(50, 10), new Leases(mongo, clock), consumer);
        assertThat(relay.relayOnce(outbox.source).block(WAIT)).isEqualTo(4);
        assertThat(outbox.pending()).containsExactly(outbox.type + "-3");
        eventually(WAIT, () -> {
            relay.relayOnce(outbox.source).block(WAIT);
            assertThat(outbox.pending()).isEmpty();
        });
        assertThat(delivered).hasSize(6).containsOnlyOnce(outbox.type + "-0", outbox.type + "-1", outbox.type + "-2", outbox.type + "-4");
        assertThat(outbox.records()).as("nothing left to remember").isEmpty();
    }

    @Test
    void oneConsumersFailureNeitherBlocksNorRepeatsTheOthers() {
        TestOutbox outbox = outbox("twoconsumers");
        List<String> ids = outbox.insert(outbox.type, 4);
        String bad = ids.get(2);
        List<String> byIndex = new CopyOnWriteArrayList<>();
        List<String> byAlerts = new CopyOnWriteArrayList<>();
        AtomicInteger refusals = new AtomicInteger(3);
        OutboxConsumer index = recording("index", outbox.type, byIndex);
        OutboxConsumer alerts = OutboxConsumer.perAggregate("alerts", outbox.type, events -> {
            boolean refuse = events.stream().anyMatch(e -> e.aggregateId().equals(bad)) && refusals.getAndDecrement() > 0;
            events.stream().filter(e -> !refuse || !e.aggregateId().equals(bad)).forEach(e -> byAlerts.add(e.id()));
            return Mono.just(refuse ? Set.of(bad) : Set.<String>of());
        });
        OutboxRelay relay = outbox.relay(TestOutbox.props(50, 10), new Leases(mongo, clock), index, alerts);

        relay.relayOnce(outbox.source).block(WAIT);
        assertThat(byIndex).hasSize(4);
        assertThat(outbox.pending()).containsExactly(bad);
        eventually(WAIT, () -> {
            relay.relayOnce(outbox.source).block(WAIT);
            assertThat(outbox.pending()).isEmpty();
        });
        assertThat(byIndex).as("each event once for the consumer that handled it").hasSize(4).doesNotHaveDuplicates();
        assertThat(byAlerts).hasSize(4).doesNotHaveDuplicates();
        assertThat(outbox.records()).isEmpty();
    }

    @Test
    void documentsComeOldestPendingEventFirst() {
        TestOutbox outbox = outbox("oldestfirst");
        Instant now = Instant.now();
        for (int i = 0; i < 5; i++) outbox.insert(TestOutbox.aggregate("new-" + i, TestOutbox.event("new-" + i + "-evt", 1, now.plusSeconds(i))));
        for (int i = 0; i < 3; i++) outbox.insert(TestOutbox.aggregate("old-" + i, TestOutbox.event("old-" + i + "-evt", 1, now.minusSeconds(600 - i))));
        // judged by its oldest pending event, not by its newest
        outbox.insert(TestOutbox.aggregate("mixed", TestOutbox.event("mixed-1", 1, now.minusSeconds(3600)), TestOutbox.event("mixed-2", 2, now.plusSeconds(60))));
        List<String> delivered = new CopyOnWriteArrayList<>();
        OutboxRelay relay = outbox.relay(TestOutbox.props(4, 10), new Leases(mongo, clock), OutboxConsumer.of("index", outbox.type, events -> {
            events.forEach(e -> delivered.add(e.aggregateId()));
            return Mono.empty();
        }));
        relay.relayOnce(outbox.source).block(WAIT);
        assertThat(delivered).containsExactly("mixed", "mixed", "old-0", "old-1", "old-2");
        assertThat(outbox.pending()).containsExactlyInAnyOrder("new-0", "new-1", "new-2", "new-3", "new-4");
    }

    @Test
    void aRoundRenewsItsLeaseBeforeEachConsumer() {
        TestOutbox outbox = outbox("renewal");
        outbox.insert(outbox.type, 3);
        String lease = "outbox:" + outbox.collection;
        Leases other = new Leases(mongo, clock);
        List<Boolean> otherGotIt = new CopyOnWriteArrayList<>();
        // each consumer takes 6 of the lease's 10 seconds
        OutboxConsumer first = OutboxConsumer.of("first", outbox.type, events -> Mono.fromRunnable(() -> clock.advance(Duration.ofSeconds(6))));
        OutboxConsumer second = OutboxConsumer.of("second", outbox.type, events -> Mono.fromRunnable(() -> clock.advance(Duration.ofSeconds(6)))
            .then(Mono.defer(() -> other.acquire(lease, Duration.ofSeconds(10)).hasElement())).doOnNext(otherGotIt::add).then());
        OutboxRelay relay = outbox.relay(new OutboxProperties(Duration.ofMillis(1), 50, Duration.ofSeconds(10), false, Duration.ofMillis(1), 10),
            new Leases(mongo, clock), first, second);
        assertThat(relay.relayOnce(outbox.source).block(WAIT)).isEqualTo(3);
        assertThat(otherGotIt).as("12 s after the round took the lease, it still holds it").containsExactly(false);
        assertThat(outbox.pending()).isEmpty();
    }

    @Test
    void aRoundThatLostItsLeaseWritesNothing() {
        TestOutbox outbox = outbox("lostlease");
        List<String> ids = outbox.insert(outbox.type, 3);
        String lease = "outbox:" + outbox.collection;
        Leases other = new Leases(mongo, clock);
        OutboxConsumer failing = OutboxConsumer.perAggregate("failing", outbox.type, events -> Mono.just(Set.of(ids.getFirst())));
        // the last consumer's call outlasts the lease, and another replica takes the source over meanwhile
        OutboxConsumer slow = OutboxConsumer.of("slow", outbox.type, events -> Mono.fromRunnable(() -> clock.advance(Duration.ofSeconds(11)))
            .then(Mono.defer(() -> other.acquire(lease, Duration.ofSeconds(10)).hasElement())).doOnNext(held -> assertThat(held).isTrue()).then());
        OutboxRelay relay = outbox.relay(new OutboxProperties(Duration.ofMillis(1), 50, Duration.ofSeconds(10), false, Duration.ofMillis(1), 10),
            new Leases(mongo, clock), failing, slow);
        assertThatThrownBy(() -> relay.relayOnce(outbox.source).block(WAIT)).isInstanceOf(LeaseLost.class);
        assertThat(outbox.pending()).as("no event removed").containsExactlyInAnyOrderElementsOf(ids);
        assertThat(outbox.records()).as("no failed attempt or handled event recorded").isEmpty();
    }

    @Test
    void aStaleRoundCannotOverwriteWhatTheReplicaThatTookOverWrote() {
        TestOutbox outbox = outbox("fenced");
        String id = outbox.insert(outbox.type, 1).getFirst();
        // the replica that takes over: its consumer fails the event, which is to be offered again (10 attempts)
        OutboxRelay current = outbox.relay(TestOutbox.props(50, 10), new Leases(mongo, clock),
            OutboxConsumer.perAggregate("alerts", outbox.type, events -> Mono.just(Set.of(id))));
        // the stale one: its renewals answered just before the takeover (a pause between renewal and write); its consumer
        // call outlasts the lease (30 s), the other replica works the source meanwhile, and then it fails the event too,
        // which after its one allowed attempt would make the event a dead letter
        Leases blind = new Leases(mongo, clock) {
            @Override
            public Mono<Boolean> renew(String name, Duration ttl, long token) {
                return Mono.just(true);
            }
        };
        OutboxRelay stale = outbox.relay(TestOutbox.props(50, 1), blind, OutboxConsumer.perAggregate("alerts", outbox.type, events ->
            Mono.fromRunnable(() -> clock.advance(Duration.ofSeconds(31))).then(Mono.defer(() -> current.relayOnce(outbox.source)))
                .thenReturn(Set.of(id))));
        assertThatThrownBy(() -> stale.relayOnce(outbox.source).block(WAIT)).isInstanceOf(LeaseLost.class);
        assertThat(outbox.records()).as("the record of the replica holding the lease, not the stale round's dead letter").singleElement()
            .satisfies(r -> {
                assertThat(r.getInteger("attempts")).isEqualTo(1);
                assertThat(r.getString(DeliveryLog.DEAD_LETTER_ID)).isNull();
            });
        assertThat(outbox.pending()).containsExactly(id);
    }

    private static OutboxConsumer recording(String name, String type, List<String> into) {
        return OutboxConsumer.of(name, type, events -> {
            events.forEach(e -> into.add(e.id()));
            return Mono.empty();
        });
    }
}
