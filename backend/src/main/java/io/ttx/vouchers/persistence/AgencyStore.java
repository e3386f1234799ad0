package io.ttx.vouchers.persistence;

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

import java.util.ArrayList;
import java.util.List;

/** Service agencies ({@code service_agencies}): one conditional write per change. */
@Component
public class AgencyStore extends MongoStore<AgencyDocument> {
    public static final String COLLECTION = "service_agencies";

    AgencyStore(ReactiveMongoTemplate mongo) {
        super(mongo, AgencyDocument.class, COLLECTION);
    }

    /** Writes the agency's next state if it still has {@code expectedVersion}; empty when someone changed it first. */
    public Mono<AgencyDocument> replace(AgencyDocument next, long expectedVersion) {
        Document bson = new Document();
        mongo.getConverter().write(next, bson);
        Update u = new Update();
        for (String f : List.of("agency", "status", "version")) u.set(f, bson.get(f));
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(next.id()).and("version").is(expectedVersion)), u,
            FindAndModifyOptions.options().returnNew(true), AgencyDocument.class, COLLECTION);
    }

    /** Newest first below the cursor, optionally of one province, status or organisation. */
    public Flux<AgencyDocument> page(@Nullable String region, @Nullable String status, @Nullable String org, @Nullable String before, int limit) {
        List<Criteria> all = new ArrayList<>();
        if (region != null) all.add(Criteria.where("region").is(region));
        if (status != null) all.add(Criteria.where("status").is(status));
        if (org != null) all.add(Criteria.where("org").is(org));
        return newestFirst(all.isEmpty() ? new Criteria() : new Criteria().andOperator(all), before, limit);
    }
}
