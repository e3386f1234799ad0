package io.ttx.catalogue.persistence;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

/** The achievements collection. */
@Component
public class AchievementStore extends ListingStore<AchievementDocument> {
    public static final String COLLECTION = "achievements";

    AchievementStore(ReactiveMongoTemplate mongo) {
        super(mongo, AchievementDocument.class, COLLECTION);
    }
}
