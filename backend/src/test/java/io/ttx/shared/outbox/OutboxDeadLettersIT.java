package io.ttx.shared.outbox;

import io.ttx.shared.jobs.Leases;
import io.ttx.testsupport.IntegrationTest;
import io.ttx.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dead letters: an event a consumer keeps failing stops being offered to it after {@code max-attempts} and is listed
 * for administrators, while the other aggregates and the aggregate's later events flow; a retry delivers it again.
 */
class OutboxDeadLettersIT extends IntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    MutableClock clock;
    @Autowired
    DeliveryLog deliveries;
    @Autowired
    DeadLetterCount deadLetters;

    private TestOutbox outbox(String name) {
        return new TestOutbox(name, mongo, deliveries, deadLetters, clock);
    }

    @Test
    void oneAggregateThatAlwaysFailsIsDeadLetteredAfterMaxAttemptsWhileAllOthersAreDelivered() {
        TestOutbox outbox = outbox("poison");
        List<String> good = outbox.insert("good", 30);
        String bad = outbox.insert("bad", 1).getFirst();
        List<String> delivered = new CopyOnWriteArrayList<>();
        AtomicInteger alone = new AtomicInteger();
        AtomicBoolean broken = new AtomicBoolean(true);
        // like a bulk request over the search engine's size limit: every batch with the bad aggregate fails as a whole
        OutboxConsumer indexer = OutboxConsumer.of("indexer", outbox.type, events -> {
            boolean withBad = events.stream().anyMatch(e -> e.aggregateId().equals(bad));
            if (withBad && events.stream().allMatch(e -> e.aggregateId().equals(bad)) && broken.get()) alone.incrementAndGet();
            if (withBad && broken.get()) return Mono.error(new IllegalStateException("request body too large"));
            events.forEach(e -> delivered.add(e.aggregateId()));
            return Mono.empty();
        });
        OutboxRelay relay = outbox.relay(TestOutbox.props(50, 3), new Leases(mongo, clock), indexer);

        eventually(WAIT, () -> {
            relay.relayOnce(outbox.source).block(WAIT);
            assertThat(outbox.pending()).isEmpty();
        });
        assertThat(delivered).containsExactlyInAnyOrderElementsOf(good);
        assertThat(alone).as("attempts with the bad aggregate on its own").hasValue(3);
        Item letter = deadLetterOf(outbox, bad);
        assertThat(letter.consumer()).isEqualTo("indexer");
        assertThat(letter.attempts()).isEqualTo(3);
        assertThat(letter.lastError()).isEqualTo("IllegalStateException");
        assertThat(letter.eventId()).isEqualTo("bad-0-evt");
        assertThat(letter.eventType()).isEqualTo("Tested");
        relay.relayOnce(outbox.source).block(WAIT);
        assertThat(alone).as("never offered again").hasValue(3);

        broken.set(false);
        api.post().uri("/api/v1/admin/outbox/dead-letters/{id}/retry", letter.id()).header(HttpHeaders.AUTHORIZATION, bearer("admin"))
            .exchange().expectStatus().isAccepted();
        eventually(WAIT, () -> {
            relay.relayOnce(outbox.source).block(WAIT);
            assertThat(delivered).contains(bad);
            assertThat(outbox.pending()).isEmpty();
        });
        assertThat(delivered).containsOnlyOnce(bad);
        assertThat(deadLettersOf(outbox)).isEmpty();
        assertThat(outbox.records()).isEmpty();
    }

    @Test
    void laterEventsOfADeadLetteredAggregateStillReachTheConsumer() {
        TestOutbox outbox = outbox("later");
        String id = outbox.insert("agg", 1).getFirst();
        List<String> received = new CopyOnWriteArrayList<>();
        AtomicInteger offeredFirst = new AtomicInteger();
        OutboxConsumer consumer = OutboxConsumer.perAggregate("search", outbox.type, events -> {
            boolean first = events.stream().anyMatch(e -> e.id().equals("agg-0-evt"));
            if (first) offeredFirst.incrementAndGet();
            else events.forEach(e -> received.add(e.id()));
            return Mono.just(first ? Set.of(id) : Set.<String>of());
        });
        OutboxRelay relay = outbox.relay(TestOutbox.props(50, 2), new Leases(mongo, clock), consumer);
        eventually(WAIT, () -> {
            relay.relayOnce(outbox.source).block(WAIT);
            assertThat(outbox.pending()).isEmpty();
        });
        assertThat(deadLetterOf(outbox, id).attempts()).isEqualTo(2);

        outbox.append(id, TestOutbox.event("agg-1-evt", 2, Instant.now()));
        relay.relayOnce(outbox.source).block(WAIT);
        assertThat(received).containsExactly("agg-1-evt");
        assertThat(offeredFirst).as("the dead event is not offered again").hasValue(2);
        assertThat(outbox.pending()).isEmpty();
    }

    @Test
    void deadLettersAreForAdministratorsOnlyAndPagedByCursor() {
        TestOutbox outbox = outbox("paging");
        outbox.insert("p", 3);
        outbox.relay(TestOutbox.props(50, 1), new Leases(mongo, clock),
            OutboxConsumer.of("broken", outbox.type, events -> Mono.error(new IllegalArgumentException("no")))).relayOnce(outbox.source).block(WAIT);
        assertThat(deadLettersOf(outbox)).hasSize(3);

        for (String role : List.of("broker", "tto", "researcher")) {
            api.get().uri("/api/v1/admin/outbox/dead-letters").header(HttpHeaders.AUTHORIZATION, bearer(role)).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("forbidden");
            api.post().uri("/api/v1/admin/outbox/dead-letters/odl_01jvzf0a1b2c3d4e5f6g/retry").header(HttpHeaders.AUTHORIZATION, bearer(role))
                .exchange().expectStatus().isForbidden();
        }
        api.get().uri("/api/v1/admin/outbox/dead-letters").exchange().expectStatus().isUnauthorized()
            .expectBody().jsonPath("$.code").isEqualTo("unauthenticated");
        api.post().uri("/api/v1/admin/outbox/dead-letters/odl_01jvzf0a1b2c3d4e5f6g/retry").exchange().expectStatus().isUnauthorized();
        api.post().uri("/api/v1/admin/outbox/dead-letters/odl_01jvzf0a1b2c3d4e5f6g/retry").header(HttpHeaders.AUTHORIZATION, bearer("admin"))
            .exchange().expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("dead-letter-not-found");
        for (String bad : List.of("size=0", "size=101", "cursor=bogus")) {
            api.get().uri("/api/v1/admin/outbox/dead-letters?" + bad).header(HttpHeaders.AUTHORIZATION, bearer("admin")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("validation-failed");
        }

        List<Item> all = new ArrayList<>();
        String cursor = null;
        do {
            Page page = api.get().uri(cursor == null ? "/api/v1/admin/outbox/dead-letters?size=2" : "/api/v1/admin/outbox/dead-letters?size=2&cursor=" + cursor)
                .header(HttpHeaders.AUTHORIZATION, bearer("admin")).exchange().expectStatus().isOk().expectBody(Page.class).returnResult().getResponseBody();
            assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(all).extracting(Item::id).doesNotHaveDuplicates().isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(all.stream().filter(i -> i.source().equals(outbox.collection)).map(Item::aggregateId).toList())
            .containsExactlyInAnyOrder("p-0", "p-1", "p-2");
    }

    @Test
    void theDeadLetterCountIsAPrometheusGauge() {
        TestOutbox outbox = outbox("gauge");
        outbox.insert("g", 2);
        outbox.relay(TestOutbox.props(50, 1), new Leases(mongo, clock),
            OutboxConsumer.of("broken", outbox.type, events -> Mono.error(new IllegalArgumentException("no")))).relayOnce(outbox.source).block(WAIT);
        eventually(WAIT, () -> assertThat(gauge()).isEqualTo(count()));
        long before = gauge();
        api.post().uri("/api/v1/admin/outbox/dead-letters/{id}/retry", deadLettersOf(outbox).getFirst().id())
            .header(HttpHeaders.AUTHORIZATION, bearer("admin")).exchange().expectStatus().isAccepted();
        eventually(WAIT, () -> assertThat(gauge()).isEqualTo(before - 1).isEqualTo(count()));
    }

    private long gauge() {
        String body = raw.get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, bearer("admin")).exchange()
            .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        return body.lines().filter(l -> l.startsWith("ttx_outbox_dead_letters ")).map(l -> (long) Double.parseDouble(l.split(" ")[1]))
            .findFirst().orElseThrow(() -> new AssertionError("no ttx_outbox_dead_letters in " + body.length() + " characters"));
    }

    private long count() {
        return mongo.count(Query.query(Criteria.where("deadLetterId").exists(true)), "outbox_deliveries").block(WAIT);
    }

    private Item deadLetterOf(TestOutbox outbox, String aggregateId) {
        List<Item> items = deadLettersOf(outbox).stream().filter(i -> i.aggregateId().equals(aggregateId)).toList();
        assertThat(items).hasSize(1);
        return items.getFirst();
    }

    /** This source's dead letters, through the admin API. */
    private List<Item> deadLettersOf(TestOutbox outbox) {
        Page page = api.get().uri("/api/v1/admin/outbox/dead-letters?size=100").header(HttpHeaders.AUTHORIZATION, bearer("admin")).exchange()
            .expectStatus().isOk().expectBody(Page.class).returnResult().getResponseBody();
        return page.items().stream().filter(i -> i.source().equals(outbox.collection)).toList();
    }

    record Page(List<Item> items, String nextCursor) { }

    record Item(String id, String source, String aggregateId, String eventType, String eventId, String consumer, int attempts,
                String lastError, Instant deadAt) { }
}
