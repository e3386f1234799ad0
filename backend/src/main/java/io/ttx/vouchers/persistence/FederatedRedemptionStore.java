package io.ttx.vouchers.persistence;

import io.ttx.shared.jobs.Fence;
import io.ttx.shared.stores.MongoStore;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;

/** Our agencies' redemptions of other platforms' vouchers ({@code federated_redemptions}); each change conditional on PENDING. */
@Component
public class FederatedRedemptionStore extends MongoStore<FederatedRedemptionDocument> {
    public static final String COLLECTION = "federated_redemptions";

    FederatedRedemptionStore(ReactiveMongoTemplate mongo) {
        super(mongo, FederatedRedemptionDocument.class, COLLECTION);
    }

    /** Empty when this request recorded it; the existing record when its key was used before. */
    public Mono<FederatedRedemptionDocument> claim(FederatedRedemptionDocument pending) {
        return reserve(pending, pending.id());
    }

    /** The authorization the peer made (still PENDING until captured). */
    public Mono<FederatedRedemptionDocument> authorized(String id, String authorizationId, long subsidy, Instant now) {
        return authorized(id, authorizationId, subsidy, now, Fence.NONE);
    }

    /** As {@link #authorized(String, String, long, Instant)}, fenced (the reconciliation's write). */
    public Mono<FederatedRedemptionDocument> authorized(String id, String authorizationId, long subsidy, Instant now, Fence fence) {
        return modify(id, pending(id), new Update().set("authorizationId", authorizationId).set("subsidy", subsidy).set("updatedAt", now), fence);
    }

    /**
     * The issuer's status (after the capture, or later as the issuer decides). The first time it is approved is kept
     * ($min: a later look never moves it), so a settlement batch's cut-off decides once whether it belongs to it.
     */
    public Mono<FederatedRedemptionDocument> settledAs(String id, String status, long subsidy, Instant now) {
        return settledAs(id, status, subsidy, now, Fence.NONE);
    }

    /** As {@link #settledAs(String, String, long, Instant)}, fenced (the reconciliation's write). */
    public Mono<FederatedRedemptionDocument> settledAs(String id, String status, long subsidy, Instant now, Fence fence) {
        Criteria c = Criteria.where("_id").is(id).and("status").ne(FederatedRedemptionDocument.FAILED);
        Update u = new Update().set("status", status).set("subsidy", subsidy).set("updatedAt", now);
        if (FederatedRedemptionDocument.APPROVED.contains(status)) u.min("approvedAt", now);
        return modify(id, c, u, fence);
    }

    public Mono<FederatedRedemptionDocument> failed(String id, int status, String code, @Nullable String detail, Instant now) {
        return failed(id, status, code, detail, now, Fence.NONE);
    }

    /** As {@link #failed(String, int, String, String, Instant)}, fenced (the reconciliation's write). */
    public Mono<FederatedRedemptionDocument> failed(String id, int status, String code, @Nullable String detail, Instant now, Fence fence) {
        Update u = new Update().set("status", FederatedRedemptionDocument.FAILED).set("failureStatus", status).set("failureCode", code)
            .set("failureDetail", detail).set("updatedAt", now);
        return modify(id, pending(id), u, fence);
    }

    /** PENDING since before {@code before} (the reconciliation's work). */
    public Flux<FederatedRedemptionDocument> pendingBefore(Instant before, int limit) {
        Query q = Query.query(Criteria.where("status").is(FederatedRedemptionDocument.PENDING).and("updatedAt").lt(before)).limit(limit);
        return mongo.find(q, FederatedRedemptionDocument.class, COLLECTION);
    }

    /** Captured, and not finally decided by the issuer (SUBMITTED, APPROVED), last looked at before {@code before}. */
    public Flux<FederatedRedemptionDocument> awaitingIssuer(Instant before, int limit) {
        Query q = Query.query(Criteria.where("status").in("SUBMITTED", "APPROVED").and("updatedAt").lt(before)).limit(limit);
        return mongo.find(q, FederatedRedemptionDocument.class, COLLECTION);
    }

    /** Marks a record looked at (so the next round takes others first) without changing it; only the reconciliation does. */
    public Mono<Void> touched(String id, Instant now, Fence fence) {
        return fence.checked(mongo.updateFirst(Query.query(fence.on(Criteria.where("_id").is(id))), fence.mark(new Update().set("updatedAt", now)),
            COLLECTION).map(r -> r.getMatchedCount() == 1), mongo, COLLECTION, id).then();
    }

    private static Criteria pending(String id) {
        return Criteria.where("_id").is(id).and("status").is(FederatedRedemptionDocument.PENDING);
    }

    /** The record after the write; as it is when the write's own condition did not hold; the fence's error when the fence refused it. */
    private Mono<FederatedRedemptionDocument> modify(String id, Criteria c, Update u, Fence fence) {
        return mongo.findAndModify(Query.query(fence.on(c)), fence.mark(u), FindAndModifyOptions.options().returnNew(true),
                FederatedRedemptionDocument.class, COLLECTION)
            .switchIfEmpty(Mono.defer(() -> fence.refused(mongo, COLLECTION, id).then(find(id))));
    }
}
