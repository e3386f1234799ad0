package io.ttx.brokerage.persistence;

import io.ttx.shared.jobs.Fence;
import io.ttx.shared.stores.MongoStore;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/** MongoDB access to tenders: one conditional write per change. */
@Component
public class TenderStore extends MongoStore<TenderDocument> {
    public static final String COLLECTION = "tenders";

    TenderStore(ReactiveMongoTemplate mongo) {
        super(mongo, TenderDocument.class, COLLECTION);
    }

    /** Writes the tender's next state if it still has {@code expectedVersion}; empty when someone changed it first. */
    public Mono<TenderDocument> replace(TenderDocument next, long expectedVersion) {
        Document bson = new Document();
        mongo.getConverter().write(next, bson);
        Update update = new Update();
        for (String field : List.of("tender", "state", "version", "dealPending")) update.set(field, bson.get(field));
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(next.id()).and("version").is(expectedVersion)), update,
            FindAndModifyOptions.options().returnNew(true), TenderDocument.class, COLLECTION);
    }

    public Flux<TenderDocument> dealsPending(int limit) {
        return mongo.find(Query.query(Criteria.where("dealPending").is(true)).limit(limit), TenderDocument.class, COLLECTION);
    }

    /** Clears {@code dealPending} once the awarded tender's deal is written (by the award's request). */
    public Mono<Void> dealWritten(String id) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("dealPending", false), COLLECTION).then();
    }

    /** {@link #dealWritten(String)} by the closing job, which finishes a crashed award: fenced by its lease ({@link Fence}). */
    public Mono<Void> dealWritten(String id, Fence fence) {
        return mongo.updateFirst(Query.query(fence.on(Criteria.where("_id").is(id))), fence.mark(new Update().set("dealPending", false)),
            COLLECTION).then();
    }

    /** Newest first below the cursor, optionally of one achievement. */
    public Flux<TenderDocument> page(@Nullable String achievementId, @Nullable String before, int limit) {
        return newestFirst(achievementId == null ? new Criteria() : Criteria.where("achievementId").is(achievementId), before, limit);
    }
}
