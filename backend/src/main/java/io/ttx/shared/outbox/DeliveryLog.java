package io.ttx.shared.outbox;

import io.ttx.shared.Ids;
import io.ttx.shared.jobs.Fence;
import io.ttx.shared.jobs.LeaseLost;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * The relay's delivery records, collection {@code outbox_deliveries}: one document per (source, pending event,
 * consumer) that must outlive a round. "Handled" while another consumer still owes the event, the failed attempts
 * and when the next is due, or a dead letter ({@code deadLetterId}, {@code deadAt} and the event document as read, so
 * that a retry can put it back). The events in the aggregate documents are never changed in place, so the relay's
 * exact {@code $pullAll} stays exact; each record is written by one single-document upsert (docs/decisions.md).
 */
@Component
class DeliveryLog {
    static final String COLLECTION = "outbox_deliveries";
    static final String DEAD_LETTER_ID = "deadLetterId";
    /** The highest token of the source's lease that wrote the record ({@link Fence}). */
    static final String FENCE = "fence";

    /** What is known about one event for one consumer; {@link #NONE} when nothing is recorded. */
    record State(boolean handled, int attempts, @Nullable Instant retryAt, boolean dead) {
        static final State NONE = new State(false, 0, null, false);
    }

    private final ReactiveMongoTemplate mongo;

    DeliveryLog(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    static String id(String source, String key, String consumer) {
        return source + "/" + key + "/" + consumer;
    }

    /** The records of these events for these consumers, by {@link #id}. */
    Mono<Map<String, State>> states(String source, List<Pending> entries, List<String> consumers) {
        List<String> ids = new ArrayList<>();
        for (Pending p : entries) consumers.stream().filter(p::targets).forEach(c -> ids.add(id(source, p.key(), c)));
        if (ids.isEmpty()) return Mono.just(Map.of());
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, COLLECTION)
            .collectMap(d -> d.getString("_id"), d -> new State(Boolean.TRUE.equals(d.getBoolean("handled")),
                d.getInteger("attempts", 0), d.getDate("retryAt") == null ? null : d.getDate("retryAt").toInstant(),
                d.getString(DEAD_LETTER_ID) != null));
    }

    /**
     * Writes one record (one upsert); a dead letter gets its id and time from {@code now}. Fenced: a record a newer
     * holder of the source's lease wrote is not matched, the upsert then collides with it, and the round stops with
     * {@link LeaseLost}.
     */
    Mono<Void> write(String source, RoundOutcome.Write w, Instant now, Fence fence) {
        Pending p = w.entry();
        Update u = new Update().set("source", source).set("aggregateId", p.aggregateId()).set("eventId", p.event().id())
            .set("eventType", p.event().type()).set("consumer", w.consumer());
        switch (w) {
            case RoundOutcome.Handled h -> u.set("handled", true);
            case RoundOutcome.Failed f -> u.set("attempts", f.attempts()).set("lastError", f.error()).set("retryAt", Date.from(f.retryAt()));
            case RoundOutcome.Dead d -> u.set("attempts", d.attempts()).set("lastError", d.error()).unset("retryAt")
                .set(DEAD_LETTER_ID, Ids.next("odl", now)).set("deadAt", Date.from(now)).set("event", p.raw());
        }
        return mongo.upsert(Query.query(fence.on(Criteria.where("_id").is(id(source, p.key(), w.consumer())))), fence.mark(u), COLLECTION)
            .onErrorMap(DuplicateKeyException.class, e -> fence.lost()).then();
    }

    /** Removes records that are no longer needed (their events left the documents), never a dead letter nor a newer holder's. */
    Mono<Void> forget(Collection<String> ids, Fence fence) {
        if (ids.isEmpty()) return Mono.empty();
        return mongo.remove(Query.query(fence.on(Criteria.where("_id").in(ids).and(DEAD_LETTER_ID).exists(false))), COLLECTION).then();
    }
}
