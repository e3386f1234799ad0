package io.ttx.vouchers.persistence;

import io.ttx.shared.jobs.Fence;
import io.ttx.shared.stores.MongoStore;
import io.ttx.vouchers.persistence.RedemptionDocument.Refusal;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
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
import java.util.List;

/**
 * Redemptions ({@code redemptions}). Whoever inserts a redemption owns its decision; every later write is conditional
 * on the state it moves from (PENDING and the owner, SUBMITTED for a decision, no rating for a rating).
 */
@Component
public class RedemptionStore extends MongoStore<RedemptionDocument> {
    public static final String COLLECTION = "redemptions";

    RedemptionStore(ReactiveMongoTemplate mongo) {
        super(mongo, RedemptionDocument.class, COLLECTION);
    }

    /** Empty when this request owns the redemption now; the existing document when its key was claimed before. */
    public Mono<RedemptionDocument> claim(RedemptionDocument pending) {
        return reserve(pending, pending.id());
    }

    /** Takes over a PENDING redemption from its silent owner; false when it was decided or taken meanwhile. */
    public Mono<Boolean> takeOver(String id, String previousOwner, String owner, Instant now) {
        return takeOver(id, previousOwner, owner, now, Fence.NONE);
    }

    /** As {@link #takeOver(String, String, String, Instant)}, fenced (the recovery taking a redemption over). */
    public Mono<Boolean> takeOver(String id, String previousOwner, String owner, Instant now, Fence fence) {
        Query q = Query.query(fence.on(Criteria.where("_id").is(id).and("status").is(RedemptionDocument.PENDING).and("owner").is(previousOwner)));
        return fence.checked(mongo.updateFirst(q, fence.mark(new Update().set("owner", owner).set("takenAt", now).inc("attempt", 1)), COLLECTION)
            .map(r -> r.getModifiedCount() == 1), mongo, COLLECTION, id);
    }

    /** Gives up ownership (busy): the next replay or the recovery takes over at once. */
    public Mono<Void> release(String id, String owner) {
        return release(id, owner, Fence.NONE);
    }

    /** As {@link #release(String, String)}, fenced. */
    public Mono<Void> release(String id, String owner, Fence fence) {
        Query q = Query.query(fence.on(Criteria.where("_id").is(id).and("status").is(RedemptionDocument.PENDING).and("owner").is(owner)));
        return mongo.updateFirst(q, fence.mark(new Update().set("owner", "")), COLLECTION).then();
    }

    /**
     * Records the debit's outcome on a PENDING redemption: by its owner ({@code owner} non-null), or by anyone who found
     * the debit in the voucher's ledger (null: the debit is the fact, whoever made it).
     */
    public Mono<RedemptionDocument> redeemed(String id, @Nullable String owner, String agencyId, String agencyRegion, long subsidy, String status,
                                             @Nullable Instant approvedAt, @Nullable Instant authorizedAt) {
        return redeemed(id, owner, agencyId, agencyRegion, subsidy, status, approvedAt, authorizedAt, Fence.NONE);
    }

    /** As {@link #redeemed(String, String, String, String, long, String, Instant, Instant)}, fenced (the recovery's decision). */
    public Mono<RedemptionDocument> redeemed(String id, @Nullable String owner, String agencyId, String agencyRegion, long subsidy, String status,
                                             @Nullable Instant approvedAt, @Nullable Instant authorizedAt, Fence fence) {
        Criteria c = Criteria.where("_id").is(id).and("status").is(RedemptionDocument.PENDING);
        if (owner != null) c = c.and("owner").is(owner);
        Update u = new Update().set("agencyId", agencyId).set("agencyRegion", agencyRegion).set("subsidy", subsidy).set("status", status)
            .set("approvedAt", approvedAt);
        if (authorizedAt != null) u.set("federation.authorizedAt", authorizedAt);
        return modify(id, c, u, fence);
    }

    /** A federated redemption captured (AUTHORIZED to SUBMITTED or APPROVED); empty when it is not AUTHORIZED any more. */
    public Mono<RedemptionDocument> captured(String id, String status, @Nullable Instant approvedAt) {
        Criteria c = Criteria.where("_id").is(id).and("status").is(RedemptionDocument.AUTHORIZED);
        return modify(c, new Update().set("status", status).set("approvedAt", approvedAt));
    }

    /** A federated redemption voided (AUTHORIZED to VOIDED, its refund to follow); empty when it is not AUTHORIZED any more. */
    public Mono<RedemptionDocument> voided(String id, String by, Instant at) {
        return voided(id, by, at, Fence.NONE);
    }

    /** As {@link #voided(String, String, Instant)}, fenced (the recovery voiding an authorization past its TTL). */
    public Mono<RedemptionDocument> voided(String id, String by, Instant at, Fence fence) {
        Criteria c = Criteria.where("_id").is(id).and("status").is(RedemptionDocument.AUTHORIZED);
        return modify(id, c, new Update().set("status", RedemptionDocument.VOIDED).set("decidedBy", by).set("decidedAt", at), fence);
    }

    /** Authorizations not captured since before {@code before} (the TTL's work). */
    public Flux<RedemptionDocument> authorizedBefore(Instant before, int limit) {
        Criteria c = Criteria.where("status").is(RedemptionDocument.AUTHORIZED).and("federation.authorizedAt").lt(before);
        return mongo.find(Query.query(c).limit(limit), RedemptionDocument.class, COLLECTION);
    }

    /** Records a refusal by the redemption's owner; empty when it is not the owner any more. */
    public Mono<RedemptionDocument> refused(String id, String owner, Refusal refusal) {
        return refused(id, owner, refusal, Fence.NONE);
    }

    /** As {@link #refused(String, String, Refusal)}, fenced (the recovery refusing a redemption it took over). */
    public Mono<RedemptionDocument> refused(String id, String owner, Refusal refusal, Fence fence) {
        Criteria c = Criteria.where("_id").is(id).and("status").is(RedemptionDocument.PENDING).and("owner").is(owner);
        Document r = new Document("kind", refusal.kind()).append("code", refusal.code()).append("detail", refusal.detail());
        return modify(id, c, new Update().set("status", RedemptionDocument.REFUSED).set("refusal", r), fence);
    }

    /** Decides a SUBMITTED redemption; empty when it is not SUBMITTED (any more). */
    public Mono<RedemptionDocument> decided(String id, String status, String by, @Nullable String note, Instant at) {
        Update u = new Update().set("status", status).set("decidedBy", by).set("note", note).set("decidedAt", at);
        if (status.equals("APPROVED")) u.set("approvedAt", at);
        return modify(Criteria.where("_id").is(id).and("status").is("SUBMITTED"), u);
    }

    /** A rejected redemption's subsidy is back on the voucher (or the budget). */
    public Mono<Void> refunded(String id) {
        return refunded(id, Fence.NONE);
    }

    /** As {@link #refunded(String)}, fenced (the recovery finishing a refund). */
    public Mono<Void> refunded(String id, Fence fence) {
        return fence.checked(mongo.updateFirst(Query.query(fence.on(Criteria.where("_id").is(id))), fence.mark(new Update().set("refunded", true)),
            COLLECTION).map(r -> r.getMatchedCount() == 1), mongo, COLLECTION, id).then();
    }

    /** Rates a redemption not rated yet; empty when it was rated meanwhile. */
    public Mono<RedemptionDocument> rated(String id, RedemptionDocument.RatingEntry rating) {
        Document r = new Document("score", rating.score()).append("comment", rating.comment()).append("complaint", rating.complaint())
            .append("by", rating.by()).append("at", rating.at());
        return modify(Criteria.where("_id").is(id).and("rating").is(null), new Update().set("rating", r));
    }

    /** Newest first below the cursor ({@code order}): decided redemptions matching {@code filter}. */
    public Flux<RedemptionDocument> page(Criteria filter, @Nullable String before, int limit) {
        Criteria c = before == null ? filter : new Criteria().andOperator(filter, Criteria.where("order").lt(before));
        return mongo.find(Query.query(c).with(Sort.by(Sort.Direction.DESC, "order")).limit(limit), RedemptionDocument.class, COLLECTION);
    }

    /** PENDING redemptions whose owner went silent before {@code before}; REJECTED or VOIDED ones whose refund is not recorded yet. */
    public Flux<RedemptionDocument> unfinished(Instant before, int limit) {
        Criteria stale = Criteria.where("status").is(RedemptionDocument.PENDING).and("takenAt").lt(before);
        Criteria unrefunded = Criteria.where("status").in("REJECTED", RedemptionDocument.VOIDED).and("refunded").is(false);
        return mongo.find(Query.query(new Criteria().orOperator(stale, unrefunded)).limit(limit), RedemptionDocument.class, COLLECTION);
    }

    /** Live redemptions of an agency created within [from, to). */
    public Flux<RedemptionDocument> ofAgency(String agencyId, Instant from, Instant to) {
        Criteria c = Criteria.where("agencyId").is(agencyId).and("createdAt").gte(from).lt(to).and("status").in(List.of("SUBMITTED", "APPROVED", "SETTLED"));
        return mongo.find(Query.query(c), RedemptionDocument.class, COLLECTION);
    }

    private Mono<RedemptionDocument> modify(Criteria c, Update u) {
        return mongo.findAndModify(Query.query(c), u, FindAndModifyOptions.options().returnNew(true), RedemptionDocument.class, COLLECTION);
    }

    /** {@code c} and {@code u} with the fence's condition and mark; the fence's error when it refused the write. */
    private Mono<RedemptionDocument> modify(String id, Criteria c, Update u, Fence fence) {
        return modify(fence.on(c), fence.mark(u)).switchIfEmpty(Mono.defer(() -> fence.refused(mongo, COLLECTION, id).then(Mono.empty())));
    }
}
