package io.ttx.alerts.persistence;

import io.ttx.shared.stores.MongoStore;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;

/** The notifications collection (an outbox source: documents carry {@code pendingEvents}). */
@Component
public class NotificationStore extends MongoStore<NotificationDocument> {
    public static final String COLLECTION = "notifications";

    NotificationStore(ReactiveMongoTemplate mongo) {
        super(mongo, NotificationDocument.class, COLLECTION);
    }

    /** Inserts unless a notification with this id exists already (a redelivered match): emits true when inserted. */
    public Mono<Boolean> insertOnce(NotificationDocument doc) {
        return insert(doc).thenReturn(true)
            .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false));
    }

    /** The recipient's notifications, newest first, with ids below {@code before} (the cursor). */
    public Flux<NotificationDocument> of(String recipient, @Nullable String before, int limit) {
        return newestFirst(Criteria.where("recipient").is(recipient), before, limit);
    }

    /** Marks the recipient's notification read (idempotent: the first reading time stays); empty when there is none. */
    public Mono<NotificationDocument> markRead(String id, String recipient, Instant now) {
        Query q = Query.query(Criteria.where("_id").is(id).and("recipient").is(recipient));
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("recipient").is(recipient).and("read").is(false)),
                new Update().set("read", true).set("readAt", now), FindAndModifyOptions.options().returnNew(true),
                NotificationDocument.class, COLLECTION)
            .switchIfEmpty(Mono.defer(() -> mongo.findOne(q, NotificationDocument.class, COLLECTION)));
    }
}
