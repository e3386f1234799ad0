package io.ttx.shared.outbox;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * The outbox's dead letters, for administrators: listed newest first, and retried. A retry puts the event back into
 * its aggregate's document for that consumer only, as a new pending event ({@code redeliverTo}, {@code retryOf}) with
 * fresh attempts, then removes the dead letter. That order never loses the event: if the process dies in between,
 * the dead letter is still listed and a second retry at worst delivers the event twice (consumers are idempotent).
 * An aggregate that no longer exists has nothing to deliver: its dead letter is simply removed.
 */
@Component
public class DeadLetters {
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private final ReactiveMongoTemplate mongo;
    private final DeadLetterCount count;
    private final OutboxRelay relay;

    DeadLetters(ReactiveMongoTemplate mongo, DeadLetterCount count, OutboxRelay relay) {
        this.mongo = mongo;
        this.count = count;
        this.relay = relay;
    }

    /** Newest first, ids below {@code before} (the cursor), at most {@code size}. */
    public Mono<DeadLetterPage> page(@Nullable String before, int size) {
        Criteria c = Criteria.where(DeliveryLog.DEAD_LETTER_ID).exists(true);
        if (before != null) c = Criteria.where(DeliveryLog.DEAD_LETTER_ID).exists(true).lt(before);
        Query q = Query.query(c).with(Sort.by(Sort.Direction.DESC, DeliveryLog.DEAD_LETTER_ID)).limit(size + 1);
        return mongo.find(q, Document.class, DeliveryLog.COLLECTION).map(DeadLetters::view).collectList().map(rows -> {
            List<DeadLetter> page = rows.size() > size ? rows.subList(0, size) : rows;
            return new DeadLetterPage(page, rows.size() > size ? page.getLast().id() : null);
        });
    }

    /** Puts the event back for its consumer (attempts start again) and removes the dead letter; 404 when there is none. */
    public Mono<Void> retry(String id) {
        return mongo.findOne(Query.query(Criteria.where(DeliveryLog.DEAD_LETTER_ID).is(id)), Document.class, DeliveryLog.COLLECTION)
            .switchIfEmpty(Mono.error(() -> new DeadLetterNotFound(id)))
            .flatMap(d -> {
                String source = d.getString("source");
                Document event = new Document(d.get("event", Document.class));
                event.put(Pending.REDELIVER_TO, List.of(d.getString("consumer")));
                event.put(Pending.RETRY_OF, id);
                // one conditional push: not twice should a retry be repeated while its event is still pending
                Query aggregate = Query.query(Criteria.where("_id").is(d.getString("aggregateId")).and(Pending.FIELD + "." + Pending.RETRY_OF).ne(id));
                return mongo.updateFirst(aggregate, new Update().push(Pending.FIELD, event), source)
                    .doOnNext(r -> {
                        if (r.getMatchedCount() == 0) log.info("dead letter {}: {} {} is gone or has it pending already", id, source, d.getString("aggregateId"));
                    })
                    .then(mongo.remove(Query.query(Criteria.where("_id").is(d.getString("_id")).and(DeliveryLog.DEAD_LETTER_ID).is(id)), DeliveryLog.COLLECTION))
                    .then(count.refresh())
                    .doOnSuccess(x -> relay.nudge(source))
                    .then();
            });
    }

    private static DeadLetter view(Document d) {
        return new DeadLetter(d.getString(DeliveryLog.DEAD_LETTER_ID), d.getString("source"), d.getString("aggregateId"), d.getString("eventType"),
            d.getString("eventId"), d.getString("consumer"), d.getInteger("attempts", 0), d.getString("lastError"), d.getDate("deadAt").toInstant());
    }
}
