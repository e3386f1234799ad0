package io.ttx.brokerage.persistence;

import io.ttx.brokerage.domain.TenderOffer;
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
 * Tender offers ({@code tender_offers}), one document per tender and organisation (its id is both), so an organisation's
 * second offer replaces its first in one upsert.
 */
@Component
public class OfferStore {
    public static final String COLLECTION = "tender_offers";
    private final ReactiveMongoTemplate mongo;

    OfferStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The offer's id: one per tender and organisation. */
    public static String idOf(String tenderId, String org) {
        return tenderId + "." + org;
    }

    /** Writes the organisation's offer (a new one, or a replacement with the revision counted up); returns it as stored. */
    public Mono<TenderOffer> put(String tenderId, String org, String subject, long amount, String proposal, Instant at) {
        String id = idOf(tenderId, org);
        Update u = new Update().set("tenderId", tenderId).set("org", org).set("subject", subject).set("amount", amount)
            .set("proposal", proposal).set("submittedAt", at).inc("revision", 1);
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(id)), u, FindAndModifyOptions.options().upsert(true).returnNew(true),
            TenderOffer.class, COLLECTION);
    }

    public Mono<TenderOffer> find(String tenderId, String org) {
        return mongo.findById(idOf(tenderId, org), TenderOffer.class, COLLECTION);
    }

    public Mono<TenderOffer> byId(String id) {
        return mongo.findById(id, TenderOffer.class, COLLECTION);
    }

    /** Every offer of a tender, highest amount first (at most {@code limit}). */
    public Flux<TenderOffer> of(String tenderId, int limit) {
        return mongo.find(Query.query(Criteria.where("tenderId").is(tenderId)).with(Sort.by(Sort.Direction.DESC, "amount")).limit(limit),
            TenderOffer.class, COLLECTION);
    }

    public Mono<Long> count(String tenderId) {
        return mongo.count(Query.query(Criteria.where("tenderId").is(tenderId)), COLLECTION);
    }
}
