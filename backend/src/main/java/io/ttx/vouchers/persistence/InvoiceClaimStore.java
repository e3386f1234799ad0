package io.ttx.vouchers.persistence;

import io.ttx.shared.jobs.Fence;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Invoice claims ({@code invoice_claims}): one document per (agency organisation, invoice number) across the platform,
 * naming the redemption that holds it. A claim of a refused or rejected redemption is taken over by one conditional
 * write; a refusal or rejection releases it.
 */
@Component
public class InvoiceClaimStore {
    public static final String COLLECTION = "invoice_claims";
    private final ReactiveMongoTemplate mongo;

    InvoiceClaimStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    record Claim(String id, String redemptionId) { }

    public static String key(String agencyOrg, String invoiceNumber) {
        return agencyOrg + "|" + invoiceNumber;
    }

    /** The redemption holding the invoice after this claim: {@code redemptionId} when it took it (now or before). */
    public Mono<String> claim(String key, String redemptionId) {
        return mongo.insert(new Claim(key, redemptionId), COLLECTION).map(Claim::redemptionId)
            .onErrorResume(DuplicateKeyException.class, e -> mongo.findById(key, Claim.class, COLLECTION).map(Claim::redemptionId)
                .switchIfEmpty(Mono.defer(() -> claim(key, redemptionId))));
    }

    /** Moves the claim from {@code previous} to {@code redemptionId}; false when someone moved or released it first. */
    public Mono<Boolean> takeOver(String key, String previous, String redemptionId) {
        return takeOver(key, previous, redemptionId, Fence.NONE);
    }

    /** As {@link #takeOver(String, String, String)}, fenced (the recovery deciding a redemption it took over). */
    public Mono<Boolean> takeOver(String key, String previous, String redemptionId, Fence fence) {
        Query q = Query.query(fence.on(Criteria.where("_id").is(key).and("redemptionId").is(previous)));
        return fence.checked(mongo.updateFirst(q, fence.mark(new Update().set("redemptionId", redemptionId)), COLLECTION)
            .map(r -> r.getModifiedCount() == 1), mongo, COLLECTION, key);
    }

    /** Releases the claim if the redemption holds it. */
    public Mono<Void> release(String key, String redemptionId) {
        return release(key, redemptionId, Fence.NONE);
    }

    /**
     * As {@link #release(String, String)} under a sweep's fence: a delete cannot mark the document, but it keeps the
     * fence's condition, so a claim a newer holder of the lease took over ({@link #takeOver} marks it) stays.
     */
    public Mono<Void> release(String key, String redemptionId, Fence fence) {
        return mongo.remove(Query.query(fence.on(Criteria.where("_id").is(key).and("redemptionId").is(redemptionId))), COLLECTION).then();
    }
}
