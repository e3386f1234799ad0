package io.ttx.documents.persistence;

import io.ttx.documents.ListingKind;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/** MongoDB access for document metadata. */
@Component
public class DocumentStore {
    public static final String COLLECTION = "documents";
    private final ReactiveMongoTemplate mongo;

    DocumentStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<DocumentRecord> insert(DocumentRecord r) {
        return mongo.insert(r, COLLECTION);
    }

    public Mono<DocumentRecord> find(String id) {
        return mongo.findById(id, DocumentRecord.class, COLLECTION);
    }

    public Flux<DocumentRecord> ofListing(ListingKind kind, String listingId) {
        Query q = Query.query(Criteria.where("listingId").is(listingId).and("listingKind").is(kind.name())).with(Sort.by("uploadedAt", "_id"));
        q.fields().exclude("text");
        return mongo.find(q, DocumentRecord.class, COLLECTION);
    }

    public Mono<Boolean> delete(String id) {
        return mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION).map(r -> r.getDeletedCount() == 1);
    }

    public Mono<Boolean> existsByObjectKey(String key) {
        return mongo.exists(Query.query(Criteria.where("objectKey").is(key)), COLLECTION);
    }

    /** Records the extraction outcome and its event in one update, only while extraction is still pending. */
    public Mono<Boolean> textExtracted(String id, DocumentRecord.TextStatus status, String text, DocumentRecord.DocumentEvent event) {
        Query q = Query.query(Criteria.where("_id").is(id).and("textStatus").is(DocumentRecord.TextStatus.PENDING.name()));
        Update u = new Update().set("textStatus", status.name()).set("text", text).push("pendingEvents", event);
        return mongo.updateFirst(q, u, COLLECTION).map(r -> r.getModifiedCount() == 1);
    }

    /** Text of the public documents of an achievement (for the search index). */
    public Flux<String> publicTexts(ListingKind kind, String listingId) {
        Query q = Query.query(Criteria.where("listingId").is(listingId).and("listingKind").is(kind.name()).and("confidentiality").is("PUBLIC")
            .and("textStatus").is("EXTRACTED"));
        q.fields().include("text");
        return mongo.find(q, org.bson.Document.class, COLLECTION).mapNotNull(d -> d.getString("text"));
    }

    public Flux<DocumentRecord> byIds(List<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), DocumentRecord.class, COLLECTION);
    }
}
