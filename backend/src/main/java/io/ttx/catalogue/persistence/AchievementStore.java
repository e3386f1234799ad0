package io.ttx.catalogue.persistence;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Collection;

/** MongoDB access for achievements: single-document writes conditional on the version, range-paged reads. */
@Component
public class AchievementStore {
    public static final String COLLECTION = "achievements";
    private final ReactiveMongoTemplate mongo;

    AchievementStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<AchievementDocument> insert(AchievementDocument doc) {
        return mongo.insert(doc, COLLECTION);
    }

    public Mono<AchievementDocument> find(String id) {
        return mongo.findById(id, AchievementDocument.class, COLLECTION);
    }

    /** Replaces the document only if it still has {@code expectedVersion}; empty when someone changed it first. */
    public Mono<AchievementDocument> replace(AchievementDocument next, long expectedVersion) {
        Query q = Query.query(Criteria.where("_id").is(next.id()).and("version").is(expectedVersion));
        return mongo.findAndReplace(q, next, FindAndReplaceOptions.options().returnNew(), AchievementDocument.class, COLLECTION);
    }

    public Mono<Boolean> delete(String id, long expectedVersion) {
        Query q = Query.query(Criteria.where("_id").is(id).and("version").is(expectedVersion));
        return mongo.remove(q, COLLECTION).map(r -> r.getDeletedCount() == 1);
    }

    /** Newest first, ids below {@code before} (the cursor), optionally of one organisation and some statuses. */
    public Flux<AchievementDocument> page(String ownerOrg, Collection<String> statuses, String before, int limit) {
        Criteria c = new Criteria();
        if (ownerOrg != null) c = c.and("ownerOrg").is(ownerOrg);
        if (!statuses.isEmpty()) c = c.and("status").in(statuses);
        if (before != null) c = c.and("_id").lt(before);
        return mongo.find(Query.query(c).with(Sort.by(Sort.Direction.DESC, "_id")).limit(limit), AchievementDocument.class, COLLECTION);
    }

    /** Published listings whose validity ended (for the expiry sweep). */
    public Flux<AchievementDocument> expiredBy(Instant now, int limit) {
        Query q = Query.query(Criteria.where("status").is("PUBLISHED").and("expiresAt").lte(now)).limit(limit);
        return mongo.find(q, AchievementDocument.class, COLLECTION);
    }
}
