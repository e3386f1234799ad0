package io.ttx.valuation.persistence;

import io.ttx.shared.stores.MongoStore;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** MongoDB access for scorecard evaluations: insert only. */
@Component
public class EvaluationStore extends MongoStore<EvaluationDocument> {
    public static final String COLLECTION = "evaluations";

    EvaluationStore(ReactiveMongoTemplate mongo) {
        super(mongo, EvaluationDocument.class, COLLECTION);
    }

    /** The achievement's evaluations, newest first, with ids below {@code before} (the cursor). */
    public Flux<EvaluationDocument> ofAchievement(String achievementId, @Nullable String before, int limit) {
        return newestFirst(Criteria.where("achievementId").is(achievementId), before, limit);
    }
}
