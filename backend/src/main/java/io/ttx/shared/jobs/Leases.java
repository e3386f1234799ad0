package io.ttx.shared.jobs;

import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
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
 * Work leases in MongoDB (collection {@code leases}, one document per lease: {@code owner} the replica id, {@code until},
 * {@code token}), so that of several backend replicas one at a time works a background task. Each step is one atomic
 * update that only matches the case it handles: the holder renews its own lease (same token), a replica takes over an
 * expired one ({@code $inc} of the token), or makes a missing one. A new lease document starts at the system clock's
 * milliseconds, so a token never goes back even when the document was removed ({@link #release}) or lost.
 */
@Component
public class Leases {
    static final String COLLECTION = "leases";
    private static final FindAndModifyOptions NEW = FindAndModifyOptions.options().returnNew(true);
    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    // the system clock for new tokens, not the injected one: tests move that one a year ahead and back again
    private final Clock tokens = Clock.systemUTC();
    private final String owner;

    @Autowired
    public Leases(ReactiveMongoTemplate mongo, Clock clock, JobsProperties props) {
        this(mongo, clock, props.replicaId());
    }

    /** A replica with a random id (tests run several in one JVM). */
    public Leases(ReactiveMongoTemplate mongo, Clock clock) {
        this(mongo, clock, UUID.randomUUID().toString());
    }

    private Leases(ReactiveMongoTemplate mongo, Clock clock, String owner) {
        this.mongo = mongo;
        this.clock = clock;
        this.owner = owner;
    }

    /** The replica id this process holds leases under. */
    public String owner() {
        return owner;
    }

    /** The lease {@code name} for the next {@code ttl} when this replica holds it (renewed) or took it; empty otherwise. */
    public Mono<Lease> acquire(String name, Duration ttl) {
        Date now = Date.from(clock.instant());
        Date until = Date.from(clock.instant().plus(ttl));
        Mono<Document> own = mongo.findAndModify(Query.query(Criteria.where("_id").is(name).and("owner").is(owner)),
            Update.update("until", until), NEW, Document.class, COLLECTION);
        Mono<Document> expired = mongo.findAndModify(Query.query(Criteria.where("_id").is(name).and("until").lt(now)),
            Update.update("owner", owner).set("until", until).inc("token", 1L), NEW, Document.class, COLLECTION);
        Mono<Document> created = Mono.defer(() -> mongo.insert(new Document("_id", name).append("owner", owner).append("until", until)
                .append("token", tokens.millis()), COLLECTION))
            .onErrorResume(DuplicateKeyException.class, e -> Mono.empty());
        return own.switchIfEmpty(expired).switchIfEmpty(created)
            .map(d -> new Lease(this, name, ttl, d.get("token") instanceof Number token ? token.longValue() : 0L));
    }

    /** Extends the lease when this replica still holds it under {@code token}; false when another replica took it. */
    public Mono<Boolean> renew(String name, Duration ttl, long token) {
        Query q = Query.query(Criteria.where("_id").is(name).and("owner").is(owner).and("token").is(token));
        return mongo.updateFirst(q, Update.update("until", Date.from(clock.instant().plus(ttl))), COLLECTION)
            .map(r -> r.getMatchedCount() > 0);
    }

    /** Gives the lease up early (only if this replica holds it), so the next taker need not wait for it to expire. */
    public Mono<Void> release(String name) {
        return mongo.remove(Query.query(Criteria.where("_id").is(name).and("owner").is(owner)), COLLECTION).then();
    }
}
