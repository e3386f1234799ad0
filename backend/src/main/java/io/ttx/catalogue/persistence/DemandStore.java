package io.ttx.catalogue.persistence;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

/** The demands collection. */
@Component
public class DemandStore extends ListingStore<DemandDocument> {
    public static final String COLLECTION = "demands";

    DemandStore(ReactiveMongoTemplate mongo) {
        super(mongo, DemandDocument.class, COLLECTION);
    }
}
