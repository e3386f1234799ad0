package io.ttx.vouchers.persistence;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Objections to agencies and the agencies' service products: append-only, listed per agency. */
@Component
public class AgencyExtrasStore {
    public static final String OBJECTIONS = "agency_objections";
    public static final String PRODUCTS = "agency_products";
    private final ReactiveMongoTemplate mongo;

    AgencyExtrasStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<ObjectionDocument> insert(ObjectionDocument o) {
        return mongo.insert(o, OBJECTIONS);
    }

    public Mono<ProductDocument> insert(ProductDocument p) {
        return mongo.insert(p, PRODUCTS);
    }

    public Flux<ProductDocument> products(String agencyId, int limit) {
        return mongo.find(Query.query(Criteria.where("agencyId").is(agencyId)).with(Sort.by(Sort.Direction.ASC, "_id")).limit(limit),
            ProductDocument.class, PRODUCTS);
    }

    public Mono<Long> productCount(String agencyId) {
        return mongo.count(Query.query(Criteria.where("agencyId").is(agencyId)), PRODUCTS);
    }
}
