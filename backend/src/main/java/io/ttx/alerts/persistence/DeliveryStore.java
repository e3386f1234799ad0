package io.ttx.alerts.persistence;

import io.ttx.shared.jobs.Fence;
import io.ttx.shared.stores.MongoStore;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;

/**
 * The webhook_deliveries collection. An attempt is claimed first (one conditional update pushing
 * {@code nextAttemptAt} past the attempt's longest duration), and its outcome is recorded conditionally on the
 * attempt count read at the claim, so two replicas never record the same attempt twice.
 */
@Component
public class DeliveryStore extends MongoStore<DeliveryDocument> {
    public static final String COLLECTION = "webhook_deliveries";
    private static final String PENDING = DeliveryDocument.Status.PENDING.name();

    DeliveryStore(ReactiveMongoTemplate mongo) {
        super(mongo, DeliveryDocument.class, COLLECTION);
    }

    /** Inserts unless it exists (a redelivered event); emits the stored delivery either way. */
    public Mono<DeliveryDocument> insertOnce(DeliveryDocument doc) {
        return insert(doc).onErrorResume(DuplicateKeyException.class, e -> find(doc.id()));
    }

    /**
     * Takes a pending, due delivery for one attempt until {@code claimUntil}; empty when it is not due or not pending.
     * The retry sweep's claims and records are fenced by its lease ({@link Fence}); the first attempt's are not.
     */
    public Mono<DeliveryDocument> claim(String id, Instant now, Instant claimUntil, Fence fence) {
        Query q = Query.query(fence.on(Criteria.where("_id").is(id).and("status").is(PENDING).and("nextAttemptAt").lte(now)));
        return mongo.findAndModify(q, fence.mark(new Update().set("nextAttemptAt", claimUntil)), FindAndModifyOptions.options().returnNew(true),
            DeliveryDocument.class, COLLECTION);
    }

    /** Records an attempt's outcome, conditional on the attempt count seen at the claim. */
    public Mono<DeliveryDocument> record(String id, int attemptsBefore, DeliveryDocument.Status status, @Nullable Instant nextAttemptAt,
                                         Instant attemptedAt, @Nullable Integer httpStatus, @Nullable String error, Fence fence) {
        Query q = Query.query(fence.on(Criteria.where("_id").is(id).and("status").is(PENDING).and("attempts").is(attemptsBefore)));
        Update u = fence.mark(new Update()).set("status", status.name()).set("attempts", attemptsBefore + 1).set("lastAttemptAt", attemptedAt);
        if (nextAttemptAt == null) u.unset("nextAttemptAt"); else u.set("nextAttemptAt", nextAttemptAt);
        if (httpStatus == null) u.unset("lastStatus"); else u.set("lastStatus", httpStatus);
        if (error == null) u.unset("lastError"); else u.set("lastError", error);
        if (status == DeliveryDocument.Status.DELIVERED) u.set("deliveredAt", attemptedAt);
        return mongo.findAndModify(q, u, FindAndModifyOptions.options().returnNew(true), DeliveryDocument.class, COLLECTION);
    }

    /** Ids of pending deliveries due now, oldest due first. */
    public Flux<String> due(Instant now, int limit) {
        Query q = Query.query(Criteria.where("status").is(PENDING).and("nextAttemptAt").lte(now))
            .with(Sort.by(Sort.Direction.ASC, "nextAttemptAt")).limit(limit);
        q.fields().include("_id");
        return mongo.find(q, Document.class, COLLECTION).map(d -> d.getString("_id"));
    }

    /** A saved search's deliveries, newest first, with ids below {@code before} (the cursor). */
    public Flux<DeliveryDocument> ofSavedSearch(String savedSearchId, @Nullable String before, int limit) {
        return newestFirst(Criteria.where("savedSearchId").is(savedSearchId), before, limit);
    }
}
