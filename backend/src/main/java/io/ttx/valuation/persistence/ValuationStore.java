package io.ttx.valuation.persistence;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** MongoDB access for valuations: one insert per valuation, never an update or a delete. */
@Component
public class ValuationStore {
    public static final String COLLECTION = "valuations";
    private final ReactiveMongoTemplate mongo;

    ValuationStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<ValuationDocument> insert(ValuationDocument doc) {
        return mongo.insert(doc, COLLECTION);
    }

    public Mono<ValuationDocument> find(String id) {
        return mongo.findById(id, ValuationDocument.class, COLLECTION);
    }

    /** The achievement's valuations, newest first, with ids below {@code before} (the cursor). */
    public Flux<ValuationDocument> ofAchievement(String achievementId, @Nullable String before, int limit) {
        Criteria c = Criteria.where("achievementId").is(achievementId);
        if (before != null) c = c.and("_id").lt(before);
        return mongo.find(Query.query(c).with(Sort.by(Sort.Direction.DESC, "_id")).limit(limit), ValuationDocument.class, COLLECTION);
    }
}
