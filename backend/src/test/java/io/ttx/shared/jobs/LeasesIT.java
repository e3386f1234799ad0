package io.ttx.shared.jobs;

import io.ttx.testsupport.IntegrationTest;
import io.ttx.testsupport.MutableClock;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Leases against the real MongoDB server: the token grows with every new holder and stays while one renews, never goes
 * back, and fences writes: once the new holder wrote a document, the replica it took the lease from cannot.
 */
class LeasesIT extends IntegrationTest {
    private static final Duration TTL = Duration.ofSeconds(10);
    private static final Duration WAIT = Duration.ofSeconds(10);
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    MutableClock clock;

    @BeforeEach
    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theTokenGrowsWithEveryNewHolderAndStaysWhileTheHolderRenews() {
        Leases a = new Leases(mongo, clock);
        Leases b = new Leases(mongo, clock);
        String name = "token-" + System.nanoTime();
        Lease first = a.acquire(name, TTL).block(WAIT);
        assertThat(first).isNotNull();
        assertThat(a.acquire(name, TTL).block(WAIT)).extracting(Lease::token).as("renewed by its holder").isEqualTo(first.token());
        assertThat(b.acquire(name, TTL).blockOptional(WAIT)).isEmpty();
        assertThat(mongo.findById(name, Document.class, Leases.COLLECTION).block(WAIT)).containsEntry("owner", a.owner());

        clock.advance(TTL.plusSeconds(1));
        Lease second = b.acquire(name, TTL).block(WAIT);
        assertThat(second).isNotNull();
        assertThat(second.token()).isGreaterThan(first.token());
        assertThat(a.renew(name, TTL, first.token()).block(WAIT)).as("the former holder's renewal").isFalse();

        b.release(name).block(WAIT);
        Lease third = a.acquire(name, TTL).block(WAIT);
        assertThat(third).isNotNull();
        assertThat(third.token()).as("a lease made anew never goes back").isGreaterThan(second.token());
    }

    @Test
    void aStaleHoldersWriteIsRefusedOnceTheNewHolderWroteTheDocument() {
        String collection = "fenced_" + System.nanoTime();
        mongo.insert(new Document("_id", "d").append("value", 0), collection).block(WAIT);
        mongo.insert(new Document("_id", "untouched").append("value", 0), collection).block(WAIT);
        String name = "fenced-" + System.nanoTime();
        Lease old = new Leases(mongo, clock).acquire(name, TTL).block(WAIT);
        clock.advance(TTL.plusSeconds(1));
        Lease current = new Leases(mongo, clock).acquire(name, TTL).block(WAIT);
        assertThat(old).isNotNull();
        assertThat(current).isNotNull();

        assertThat(write(collection, "d", current, 2)).isTrue();
        assertThat(write(collection, "d", old, 1)).as("the stale holder's write").isFalse();
        assertThat(mongo.findById("d", Document.class, collection).block(WAIT)).containsEntry("value", 2);
        // the limit of a per-document fence: a document the new holder has not written yet still takes the stale write
        assertThat(write(collection, "untouched", old, 1)).isTrue();
    }

    @Test
    void aSweepsFenceSitsBesideTheWritesOwnConditionsAndOtherLeasesFences() {
        String collection = "fenced_" + System.nanoTime();
        mongo.insert(new Document("_id", "d").append("state", "OPEN").append("value", 0), collection).block(WAIT);
        Criteria openOrHeld = Criteria.where("_id").is("d").orOperator(Criteria.where("state").is("OPEN"), Criteria.where("state").is("HELD"));

        assertThat(write(collection, openOrHeld, Fence.of("sweep:a", 5), 1)).isTrue();
        assertThat(write(collection, openOrHeld, Fence.of("sweep:b", 1), 2)).as("another lease's token does not compare").isTrue();
        assertThat(write(collection, openOrHeld, Fence.of("sweep:a", 4), 3)).as("an older token of the same lease").isFalse();
        assertThat(write(collection, openOrHeld, Fence.of("sweep:a", 5), 4)).as("the same holder again").isTrue();
        mongo.updateFirst(Query.query(Criteria.where("_id").is("d")), Update.update("state", "CLOSED"), collection).block(WAIT);
        assertThat(write(collection, openOrHeld, Fence.of("sweep:a", 6), 5)).as("the write's own condition still holds").isFalse();

        Document stored = mongo.findById("d", Document.class, collection).block(WAIT);
        assertThat(stored).containsEntry("value", 4);
        assertThat(stored.get(Fence.FIELDS, Document.class)).containsEntry("sweep:a", 5L).containsEntry("sweep:b", 1L);
    }

    private boolean write(String collection, Criteria base, Fence fence, int value) {
        return Boolean.TRUE.equals(mongo.updateFirst(Query.query(fence.on(base)), fence.mark(Update.update("value", value)), collection)
            .map(r -> r.getMatchedCount() > 0).block(WAIT));
    }

    private boolean write(String collection, String id, Lease lease, int value) {
        Fence fence = lease.fence("fence");
        return Boolean.TRUE.equals(mongo.updateFirst(Query.query(fence.on(Criteria.where("_id").is(id))),
            fence.mark(Update.update("value", value)), collection).map(r -> r.getMatchedCount() > 0).block(WAIT));
    }
}
