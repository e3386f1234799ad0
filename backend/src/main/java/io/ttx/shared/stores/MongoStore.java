package io.ttx.shared.stores;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What every MongoDB store of a capability has in common: one collection of one document type, insert, read by id,
 * and the newest-first page below a cursor (ids are time-ordered, so paging is a range on {@code _id}). The stores
 * extend it with their own conditional updates and queries.
 */
public abstract class MongoStore<D> {
    protected final ReactiveMongoTemplate mongo;
    private final Class<D> type;
    private final String collection;

    protected MongoStore(ReactiveMongoTemplate mongo, Class<D> type, String collection) {
        this.mongo = mongo;
        this.type = type;
        this.collection = collection;
    }

    public String collection() {
        return collection;
    }

    protected Class<D> type() {
        return type;
    }

    public Mono<D> insert(D doc) {
        return mongo.insert(doc, collection);
    }

    /**
     * Inserts {@code doc} as the reservation of its id (an idempotency key's): empty when this call inserted it, the
     * document already there when another call did.
     */
    protected Mono<D> reserve(D doc, String id) {
        return mongo.insert(doc, collection).then(Mono.<D>empty()).onErrorResume(DuplicateKeyException.class, e -> find(id));
    }

    public Mono<D> find(String id) {
        return mongo.findById(id, type, collection);
    }

    /** Documents matching {@code filter}, newest first, with ids below {@code before} (the cursor), at most {@code limit}. */
    protected Flux<D> newestFirst(Criteria filter, @Nullable String before, int limit) {
        Criteria c = before == null ? filter : filter.and("_id").lt(before);
        return mongo.find(Query.query(c).with(Sort.by(Sort.Direction.DESC, "_id")).limit(limit), type, collection);
    }
}
