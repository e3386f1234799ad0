package io.ttx.catalogue.persistence;

import io.ttx.shared.jobs.Fence;
import io.ttx.shared.outbox.Deletions;
import io.ttx.shared.stores.MongoStore;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * MongoDB access for one kind of listing: single-document writes conditional on the version, range-paged reads. A
 * deleted listing stays marked until its deletion event was delivered ({@link Deletions}); no read here finds it.
 */
public class ListingStore<D extends ListingRecord<?, D>> extends MongoStore<D> {
    protected ListingStore(ReactiveMongoTemplate mongo, Class<D> type, String collection) {
        super(mongo, type, collection);
    }

    /**
     * Writes the next version only if the document still has {@code expectedVersion} (empty when someone changed it
     * first). Every field is set except the pending events, to which only this change's new events are appended: the
     * relay may have removed delivered events since the caller read the document, and they must not come back.
     */
    public Mono<D> replace(D next, long expectedVersion) {
        return write(Criteria.where("_id").is(next.id()).and("version").is(expectedVersion), next, new Update());
    }

    /** {@link #replace} by a job under its lease: also refused once a newer holder of the lease wrote the listing. */
    public Mono<D> replace(D next, long expectedVersion, Fence fence) {
        return write(fence.on(Criteria.where("_id").is(next.id()).and("version").is(expectedVersion)), next, fence.mark(new Update()));
    }

    /**
     * Writes the deletion of a listing as {@link #replace} writes a change (its trail entry and its {@code ...Deleted}
     * event, conditional on the version) and marks it deleted in the same write; false when someone changed it first.
     */
    public Mono<Boolean> markDeleted(D next, long expectedVersion) {
        return write(Criteria.where("_id").is(next.id()).and("version").is(expectedVersion), next, Deletions.mark(new Update())).hasElement();
    }

    private Mono<D> write(Criteria condition, D next, Update update) {
        Query q = Query.query(condition);
        Document bson = new Document();
        mongo.getConverter().write(next, bson);
        bson.remove("_id");
        bson.remove("_class");
        Object events = bson.remove("pendingEvents");
        bson.forEach(update::set);
        // the events of this change carry its version (a change may record two: a withdrawal that drops a revision)
        List<Object> added = events instanceof List<?> list
            ? list.stream().filter(e -> e instanceof Document ev && ev.get("version") instanceof Number v && v.longValue() == next.version())
                .map(e -> (Object) e).toList()
            : List.of();
        if (!added.isEmpty()) update.push("pendingEvents").each(added.toArray());
        // a field set to null is written as null; a dropped revision must be gone, not a null a query could match
        if (next.pendingRevision() == null) {
            update.unset("pendingRevision");
        }
        return mongo.findAndModify(q, update, FindAndModifyOptions.options().returnNew(true), type(), collection());
    }

    @Override
    public Mono<D> find(String id) {
        return mongo.findOne(Query.query(Deletions.notDeleted(Criteria.where("_id").is(id))), type(), collection());
    }

    /**
     * Newest first, ids below {@code before} (the cursor), optionally of one organisation, some statuses and only those
     * with a pending revision in {@code revision} status.
     */
    public Flux<D> page(@Nullable String ownerOrg, Collection<String> statuses, @Nullable String revision, @Nullable String before, int limit) {
        Criteria c = Deletions.notDeleted(new Criteria());
        if (ownerOrg != null) c = c.and("ownerOrg").is(ownerOrg);
        if (!statuses.isEmpty()) c = c.and("status").in(statuses);
        if (revision != null) c = c.and("pendingRevision.status").is(revision);
        return newestFirst(c, before, limit);
    }

    /** Published listings whose validity ended (for the expiry sweep). */
    public Flux<D> expiredBy(Instant now, int limit) {
        Query q = Query.query(Criteria.where("status").is("PUBLISHED").and("expiresAt").lte(now)).limit(limit);
        return mongo.find(q, type(), collection());
    }
}
