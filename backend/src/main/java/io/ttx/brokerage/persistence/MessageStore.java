package io.ttx.brokerage.persistence;

import io.ttx.shared.stores.MongoStore;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** MongoDB access to the messages of deal rooms: insert and a deal's messages newest first below a cursor. */
@Component
public class MessageStore extends MongoStore<MessageDocument> {
    public static final String COLLECTION = "deal_messages";

    MessageStore(ReactiveMongoTemplate mongo) {
        super(mongo, MessageDocument.class, COLLECTION);
    }

    /** A deal's messages, newest first, with ids below {@code before}, at most {@code limit}. */
    public Flux<MessageDocument> page(String dealId, @Nullable String before, int limit) {
        return newestFirst(Criteria.where("dealId").is(dealId), before, limit);
    }
}
