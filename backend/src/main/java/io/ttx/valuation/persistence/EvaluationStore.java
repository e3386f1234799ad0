package io.ttx.valuation.persistence;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** MongoDB access for scorecard evaluations: insert only. */
@Component
public class EvaluationStore {
    public static final String COLLECTION = "evaluations";
    private final ReactiveMongoTemplate mongo;

    EvaluationStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<EvaluationDocument> insert(EvaluationDocument doc) {
        return mongo.insert(doc, COLLECTION);
    }

    /** The achievement's evaluations, newest first, with ids below {@code before} (the cursor). */
    public Flux<EvaluationDocument> ofAchievement(String achievementId, @Nullable String before, int limit) {
        Criteria c = Criteria.where("achievementId").is(achievementId);
        if (before != null) c = c.and("_id").lt(before);
        return mongo.find(Query.query(c).with(Sort.by(Sort.Direction.DESC, "_id")).limit(limit), EvaluationDocument.class, COLLECTION);
    }
}
