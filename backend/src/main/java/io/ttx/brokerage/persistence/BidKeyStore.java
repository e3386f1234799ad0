package io.ttx.brokerage.persistence;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Instant;

/**
 * Idempotency keys of bids: a request owns its key's decision by inserting it (or by taking over a key whose owner
 * went silent), and records the outcome once; a replay reads it.
 */
@Component
public class BidKeyStore {
    public static final String COLLECTION = "auction_bid_keys";
    private final ReactiveMongoTemplate mongo;

    BidKeyStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Empty when this request owns the key now; the existing record when another request has (or had) it. */
    public Mono<BidKeyDocument> claim(BidKeyDocument pending) {
        return mongo.insert(pending, COLLECTION).then(Mono.<BidKeyDocument>empty())
            .onErrorResume(DuplicateKeyException.class, e -> mongo.findById(pending.id(), BidKeyDocument.class, COLLECTION));
    }

    public Mono<BidKeyDocument> find(String id) {
        return mongo.findById(id, BidKeyDocument.class, COLLECTION);
    }

    /** Takes over an undecided key from {@code previousOwner}; false when it was decided or taken meanwhile. */
    public Mono<Boolean> takeOver(String id, String previousOwner, String owner, Instant now) {
        Query q = Query.query(Criteria.where("_id").is(id).and("decided").is(false).and("owner").is(previousOwner));
        return mongo.updateFirst(q, new Update().set("owner", owner).set("takenAt", now), COLLECTION).map(r -> r.getModifiedCount() == 1);
    }

    public Mono<Void> accepted(String id, String owner, Instant at, Instant closesAt) {
        return decide(id, owner, new Update().set("accepted", true).set("at", at).set("closesAt", closesAt));
    }

    public Mono<Void> refused(String id, String owner, String kind, String code, @Nullable String detail) {
        return decide(id, owner, new Update().set("accepted", false).set("kind", kind).set("code", code).set("detail", detail));
    }

    private Mono<Void> decide(String id, String owner, Update outcome) {
        Query q = Query.query(Criteria.where("_id").is(id).and("decided").is(false).and("owner").is(owner));
        return mongo.updateFirst(q, outcome.set("decided", true), COLLECTION).then();
    }
}
