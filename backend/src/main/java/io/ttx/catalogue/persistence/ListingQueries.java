package io.ttx.catalogue.persistence;

import io.ttx.catalogue.ListingStatus;
import io.ttx.shared.outbox.Deletions;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.time.Instant;
import java.util.Collection;

/**
 * The reads behind the catalogue's snapshots for other capabilities: by ids, the ids changed since a time, and every
 * live listing in bounded replies. Listings marked deleted are not there (only drafts are deleted, so they are never
 * live either). The trail and the pending events are never read: snapshots do not carry them, and
 * the trail is most of a long-lived listing's size.
 */
@Component
public class ListingQueries {
    private final ReactiveMongoTemplate mongo;

    ListingQueries(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public <D extends ListingRecord<?, D>> Flux<D> byIds(Class<D> type, Collection<String> ids) {
        return mongo.find(withoutTrail(Query.query(Deletions.notDeleted(Criteria.where("_id").in(ids)))), type);
    }

    /** Uses the {@code updated} index. */
    public Flux<String> idsUpdatedSince(Class<? extends ListingRecord<?, ?>> type, Instant since) {
        Query q = Query.query(Deletions.notDeleted(Criteria.where("updatedAt").gte(since)));
        q.fields().include("_id");
        return mongo.find(q, Document.class, mongo.getCollectionName(type)).map(d -> d.getString("_id"));
    }

    /** Published listings not expired at {@code now}, in replies of {@code batch} records (uses {@code status_expiry}). */
    public <D extends ListingRecord<?, D>> Flux<D> live(Class<D> type, Instant now, int batch) {
        Query q = withoutTrail(Query.query(Criteria.where("status").is(ListingStatus.PUBLISHED.name()).and("expiresAt").gt(now)));
        q.cursorBatchSize(batch);
        return mongo.find(q, type);
    }

    private static Query withoutTrail(Query q) {
        q.fields().exclude("history").exclude("pendingEvents");
        return q;
    }
}
