package io.ttx.shared.jobs;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;

/**
 * Work leases in MongoDB, so that of several backend replicas one at a time works a background task: taken (or
 * extended) with one atomic upsert that only matches a free, expired or own lease.
 */
@Component
public class Leases {
    private static final String COLLECTION = "leases";
    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final String owner = UUID.randomUUID().toString();

    public Leases(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** True when this replica holds the lease {@code name} for the next {@code ttl}. */
    public Mono<Boolean> acquire(String name, Duration ttl) {
        Date now = Date.from(clock.instant());
        Query q = Query.query(Criteria.where("_id").is(name)
            .orOperator(Criteria.where("owner").is(owner), Criteria.where("until").lt(now)));
        Update u = new Update().set("owner", owner).set("until", Date.from(clock.instant().plus(ttl)));
        return mongo.findAndModify(q, u, FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION)
            .map(d -> owner.equals(d.getString("owner")))
            .defaultIfEmpty(false)
            .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false));
    }

    /** Gives the lease up early (only if this replica holds it), so the next taker need not wait for it to expire. */
    public Mono<Void> release(String name) {
        return mongo.remove(Query.query(Criteria.where("_id").is(name).and("owner").is(owner)), COLLECTION).then();
    }
}
