package io.ttx.valuation.persistence;

import io.ttx.shared.stores.MongoStore;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** MongoDB access for valuations: one insert per valuation, never an update or a delete. */
@Component
public class ValuationStore extends MongoStore<ValuationDocument> {
    public static final String COLLECTION = "valuations";

    ValuationStore(ReactiveMongoTemplate mongo) {
        super(mongo, ValuationDocument.class, COLLECTION);
    }

    /** The achievement's valuations, newest first, with ids below {@code before} (the cursor). */
    public Flux<ValuationDocument> ofAchievement(String achievementId, @Nullable String before, int limit) {
        return newestFirst(Criteria.where("achievementId").is(achievementId), before, limit);
    }
}
