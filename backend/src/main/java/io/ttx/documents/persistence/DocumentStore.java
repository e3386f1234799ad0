package io.ttx.documents.persistence;

import io.ttx.documents.DocumentReview;
import io.ttx.documents.ListingKind;
import io.ttx.shared.outbox.Deletions;
import io.ttx.shared.stores.MongoStore;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * MongoDB access for document metadata. A deleted document's record stays, marked, until its {@code DocumentDeleted}
 * event was delivered ({@link Deletions}): only {@link #withDeletedByIds} still finds it, every other read reads past it.
 */
@Component
public class DocumentStore extends MongoStore<DocumentRecord> {
    public static final String COLLECTION = "documents";

    DocumentStore(ReactiveMongoTemplate mongo) {
        super(mongo, DocumentRecord.class, COLLECTION);
    }

    @Override
    public Mono<DocumentRecord> find(String id) {
        return mongo.findOne(Query.query(Deletions.notDeleted(Criteria.where("_id").is(id))), DocumentRecord.class, COLLECTION);
    }

    public Flux<DocumentRecord> ofListing(ListingKind kind, String listingId) {
        Query q = Query.query(Deletions.notDeleted(Criteria.where("listingId").is(listingId).and("listingKind").is(kind.name())))
            .with(Sort.by("uploadedAt", "_id"));
        q.fields().exclude("text");
        return mongo.find(q, DocumentRecord.class, COLLECTION);
    }

    /** Marks a document deleted and records {@code event} in the same write; false when it was marked already. */
    public Mono<Boolean> markDeleted(String id, DocumentRecord.DocumentEvent event) {
        Query q = Query.query(Deletions.notDeleted(Criteria.where("_id").is(id)));
        return mongo.updateFirst(q, Deletions.mark(new Update().push("pendingEvents", event)), COLLECTION).map(r -> r.getModifiedCount() == 1);
    }

    /** Whether a live record points at the object (one only marked deleted does not: its object may go). */
    public Mono<Boolean> existsByObjectKey(String key) {
        return mongo.exists(Query.query(Deletions.notDeleted(Criteria.where("objectKey").is(key))), COLLECTION);
    }

    /** Records the extraction outcome and its event in one update, only while extraction is still pending. */
    public Mono<Boolean> textExtracted(String id, DocumentRecord.TextStatus status, String text, DocumentRecord.DocumentEvent event) {
        Query q = Query.query(Deletions.notDeleted(Criteria.where("_id").is(id).and("textStatus").is(DocumentRecord.TextStatus.PENDING.name())));
        Update u = new Update().set("textStatus", status.name()).set("text", text).push("pendingEvents", event);
        return mongo.updateFirst(q, u, COLLECTION).map(r -> r.getModifiedCount() == 1);
    }

    /** The extracted text of the public documents of these listings, by listing id in upload order (one query for a whole batch). */
    public Mono<Map<String, List<String>>> publicTextsOf(ListingKind kind, Collection<String> listingIds) {
        Query q = Query.query(Deletions.notDeleted(Criteria.where("listingId").in(listingIds).and("listingKind").is(kind.name())
            .and("confidentiality").is("PUBLIC").and("textStatus").is("EXTRACTED").and("review").is(null))).with(Sort.by("uploadedAt", "_id"));
        q.fields().include("text").include("listingId");
        return mongo.find(q, Document.class, COLLECTION).filter(d -> d.getString("text") != null)
            .collectMultimap(d -> d.getString("listingId"), d -> d.getString("text"))
            .map(m -> {
                Map<String, List<String>> out = new HashMap<>();
                m.forEach((k, v) -> out.put(k, List.copyOf(v)));
                return out;
            });
    }

    /** Listings of this kind with a document uploaded at or after {@code since} (their text may have been extracted since). */
    public Flux<String> listingsWithUploadsSince(ListingKind kind, Instant since) {
        Query q = Query.query(Criteria.where("listingKind").is(kind.name()).and("uploadedAt").gte(since));
        q.fields().include("listingId");
        return mongo.find(q, Document.class, COLLECTION).map(d -> d.getString("listingId")).distinct();
    }

    /** A document registered as waiting for review whose listing turned out not to need one. */
    public Mono<Void> clearReview(String id) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().unset("review"), COLLECTION).then();
    }

    /**
     * Decides the documents of a listing that wait for its review: approved ones lose their review state, refused ones
     * become REJECTED; each records {@code eventType} (one update per document, conditional on still being PENDING).
     * Emits the ids of the documents decided.
     */
    public Flux<String> decidePending(ListingKind kind, String listingId, boolean approved, String eventType, Instant at) {
        Query pending = Query.query(Deletions.notDeleted(Criteria.where("listingId").is(listingId).and("listingKind").is(kind.name())
            .and("review").is(DocumentReview.PENDING.name())));
        pending.fields().include("_id");
        return mongo.find(pending, Document.class, COLLECTION).map(d -> d.getString("_id")).concatMap(id -> {
            Update u = approved ? new Update().unset("review") : new Update().set("review", DocumentReview.REJECTED.name());
            u.push("pendingEvents", new DocumentRecord.DocumentEvent(UUID.randomUUID().toString(), eventType, 3, at));
            Query one = Query.query(Deletions.notDeleted(Criteria.where("_id").is(id).and("review").is(DocumentReview.PENDING.name())));
            return mongo.updateFirst(one, u, COLLECTION).filter(r -> r.getModifiedCount() == 1).map(r -> id);
        });
    }

    public Flux<DocumentRecord> byIds(List<String> ids) {
        return mongo.find(Query.query(Deletions.notDeleted(Criteria.where("_id").in(ids))), DocumentRecord.class, COLLECTION);
    }

    /** These records, also those marked deleted whose event is still on its way: which listing a deletion concerns. */
    public Flux<DocumentRecord> withDeletedByIds(List<String> ids) {
        Query q = Query.query(Criteria.where("_id").in(ids));
        q.fields().exclude("text");
        return mongo.find(q, DocumentRecord.class, COLLECTION);
    }
}
