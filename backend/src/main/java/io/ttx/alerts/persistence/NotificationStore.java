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
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The notifications collection (an outbox source: documents carry {@code pendingEvents}). */
@Component
public class NotificationStore extends MongoStore<NotificationDocument> {
    public static final String COLLECTION = "notifications";

    NotificationStore(ReactiveMongoTemplate mongo) {
        super(mongo, NotificationDocument.class, COLLECTION);
    }

    /** Inserts unless a notification with this id exists already (a redelivered event): emits true when inserted. */
    public Mono<Boolean> insertOnce(NotificationDocument doc) {
        return insert(doc).thenReturn(true)
            .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false));
    }

    /**
     * The reader's notifications, newest first, with ids below {@code before} (the cursor): those addressed to it and
     * those addressed to its organisation in one of its roles.
     */
    public Flux<NotificationDocument> of(Reader reader, @Nullable String before, int limit) {
        return newestFirst(reader.sees(), before, limit);
    }

    /**
     * Marks the notification read for the reader (idempotent: the first reading time stays); empty when the reader does
     * not see it. One conditional update: on a notification to the reader, {@code read: false} becomes true; on one to
     * its organisation, the reader's mark is appended to {@code readBy} unless it has one.
     */
    public Mono<NotificationDocument> markRead(String id, Reader reader, Instant now) {
        FindAndModifyOptions returnNew = FindAndModifyOptions.options().returnNew(true);
        Mono<NotificationDocument> own = mongo.findAndModify(
            Query.query(Criteria.where("_id").is(id).and("recipient").is(reader.subject()).and("read").is(false)),
            new Update().set("read", true).set("readAt", now), returnNew, NotificationDocument.class, COLLECTION);
        Mono<NotificationDocument> shared = reader.org() == null || reader.roles().isEmpty() ? Mono.empty()
            : mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("org").is(reader.org()).and("role").in(reader.roles())
                    .and("readBy.by").ne(reader.subject())),
                new Update().push("readBy", new NotificationDocument.ReadMark(reader.subject(), now)), returnNew,
                NotificationDocument.class, COLLECTION);
        return own.switchIfEmpty(Mono.defer(() -> shared))
            .switchIfEmpty(Mono.defer(() -> mongo.findOne(Query.query(new Criteria().andOperator(Criteria.where("_id").is(id), reader.sees())),
                NotificationDocument.class, COLLECTION)));
    }

    /**
     * Who reads: the subject, its organisation (null: none) and its roles as claim names.
     */
    public record Reader(String subject, @Nullable String org, Collection<String> roles) {
        public Reader {
            roles = List.copyOf(roles);
        }

        /** The notifications this reader sees: its own, and its organisation's in one of its roles. */
        Criteria sees() {
            List<Criteria> any = new ArrayList<>(2);
            any.add(Criteria.where("recipient").is(subject));
            if (org != null && !roles.isEmpty()) any.add(Criteria.where("org").is(org).and("role").in(roles));
            return new Criteria().orOperator(any);
        }
    }
}
