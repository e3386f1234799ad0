package io.ttx.documents.persistence;

import io.ttx.documents.RoomKind;
import io.ttx.shared.stores.MongoStore;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** MongoDB access for the metadata of room documents ({@code room_documents}). */
@Component
public class RoomDocumentStore extends MongoStore<RoomDocumentRecord> {
    public static final String COLLECTION = "room_documents";

    RoomDocumentStore(ReactiveMongoTemplate mongo) {
        super(mongo, RoomDocumentRecord.class, COLLECTION);
    }

    /** A room's documents, oldest first, at most {@code limit}. */
    public Flux<RoomDocumentRecord> ofRoom(RoomKind kind, String roomId, int limit) {
        Query q = Query.query(Criteria.where("roomId").is(roomId).and("roomKind").is(kind.name())).with(Sort.by("uploadedAt", "_id")).limit(limit);
        return mongo.find(q, RoomDocumentRecord.class, COLLECTION);
    }

    /** Whether a record points at the object (the orphan sweep asks). */
    public Mono<Boolean> existsByObjectKey(String key) {
        return mongo.exists(Query.query(Criteria.where("objectKey").is(key)), COLLECTION);
    }
}
