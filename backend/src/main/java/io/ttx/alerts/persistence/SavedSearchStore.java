package io.ttx.alerts.persistence;

import io.ttx.shared.stores.MongoStore;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The saved_searches collection: insert, read and delete, each addressed by owner so nobody reaches another's. */
@Component
public class SavedSearchStore extends MongoStore<SavedSearchDocument> {
    public static final String COLLECTION = "saved_searches";

    SavedSearchStore(ReactiveMongoTemplate mongo) {
        super(mongo, SavedSearchDocument.class, COLLECTION);
    }

    public Mono<Long> countOf(String owner) {
        return mongo.count(Query.query(Criteria.where("owner").is(owner)), COLLECTION);
    }

    /** The owner's saved searches, newest first, at most {@code limit}. */
    public Flux<SavedSearchDocument> of(String owner, int limit) {
        Query q = Query.query(Criteria.where("owner").is(owner)).with(Sort.by(Sort.Direction.DESC, "_id")).limit(limit);
        return mongo.find(q, SavedSearchDocument.class, COLLECTION);
    }

    public Mono<SavedSearchDocument> find(String id, String owner) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(id).and("owner").is(owner)), SavedSearchDocument.class, COLLECTION);
    }

    public Mono<Boolean> delete(String id, String owner) {
        return mongo.remove(Query.query(Criteria.where("_id").is(id).and("owner").is(owner)), COLLECTION).map(r -> r.getDeletedCount() == 1);
    }

    /** Every saved search, streamed in id order (the matcher runs each against newly published records). */
    public Flux<SavedSearchDocument> all() {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.ASC, "_id")), SavedSearchDocument.class, COLLECTION);
    }
}
