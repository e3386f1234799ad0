package io.ttx.search;

import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import io.ttx.catalogue.ListingStatus;
import io.ttx.catalogue.persistence.ListingRecord;
import io.ttx.documents.ListingKind;
import io.ttx.documents.persistence.DocumentStore;
import io.ttx.search.elastic.SearchIndex;
import io.ttx.shared.outbox.OutboxEvent;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Keeps a search index in step with one kind of listing: for every listing touched by a batch of events, the
 * current record is read and either indexed (published, unexpired) or deleted, in one bulk request with external
 * versions. An event is done only when Elasticsearch acknowledged its item; any failed item fails the batch, which
 * the relay retries (the successful items are idempotent). The same code bulk-loads a new index generation.
 */
public class ListingIndexer<D extends ListingRecord<?, D>> {
    private final ListingKind kind;
    private final Class<D> type;
    private final SearchIndex index;
    private final ReactiveMongoTemplate mongo;
    private final DocumentStore documents;
    private final BiFunction<D, List<String>, Map<String, Object>> toSearchDocument;
    private final int batch;
    private final Clock clock;

    /** @param batch records per MongoDB reply and per bulk request when a whole generation is loaded */
    public ListingIndexer(ListingKind kind, Class<D> type, SearchIndex index, ReactiveMongoTemplate mongo, DocumentStore documents,
                          BiFunction<D, List<String>, Map<String, Object>> toSearchDocument, int batch, Clock clock) {
        this.kind = kind;
        this.type = type;
        this.index = index;
        this.mongo = mongo;
        this.documents = documents;
        this.toSearchDocument = toSearchDocument;
        this.batch = batch;
        this.clock = clock;
        index.whenCreated(alias -> copyAll(alias).count()
            .doOnNext(n -> { if (n > 0) org.slf4j.LoggerFactory.getLogger(ListingIndexer.class).info("filled the new {} index from MongoDB ({} batches)", alias, n); }));
    }

    public ListingKind kind() {
        return kind;
    }

    public SearchIndex index() {
        return index;
    }

    /**
     * Re-indexes the listings of these events and names those that could not be indexed (a record read older than its
     * newest event, or a bulk item Elasticsearch refused): only their events stay pending.
     */
    public Mono<Set<String>> apply(List<OutboxEvent> events) {
        Map<String, Long> newest = new LinkedHashMap<>();
        for (OutboxEvent e : events) newest.merge(e.aggregateId(), e.version(), Math::max);
        return refreshEach(newest);
    }

    /** Re-indexes these listings at their current state through the alias; fails if any could not be indexed. */
    public Mono<Void> refresh(Map<String, Long> minimumVersions) {
        return refreshEach(minimumVersions).flatMap(failed -> failed.isEmpty() ? Mono.<Void>empty()
            : Mono.error(new IllegalStateException(failed.size() + " listings could not be indexed, e.g. " + failed.iterator().next())));
    }

    private Mono<Set<String>> refreshEach(Map<String, Long> minimumVersions) {
        if (minimumVersions.isEmpty()) return Mono.just(Set.of());
        return mongo.find(Query.query(Criteria.where("_id").in(minimumVersions.keySet())), type).collectMap(ListingRecord::id)
            .flatMap(found -> {
                Set<String> failed = new HashSet<>();
                List<D> live = new ArrayList<>();
                List<BulkOperation> ops = new ArrayList<>();
                for (var e : minimumVersions.entrySet()) {
                    D d = found.get(e.getKey());
                    if (d == null) ops.add(delete(e.getKey(), null));
                    else if (d.version() < e.getValue()) failed.add(d.id()); // a lagging read: try again later
                    else if (isLive(d)) live.add(d);
                    else ops.add(delete(d.id(), d.version()));
                }
                return indexOperations(live, index.alias()).flatMap(indexOps -> {
                    ops.addAll(indexOps);
                    return send(ops, index.alias());
                }).map(refused -> {
                    failed.addAll(refused);
                    return failed;
                });
            });
    }

    /** Re-indexes every listing changed at or after {@code since} (the catch-up after an index generation was built). */
    public Mono<Long> refreshChangedSince(Instant since) {
        Query q = Query.query(Criteria.where("updatedAt").gte(since));
        q.fields().include("_id");
        return mongo.find(q, org.bson.Document.class, mongo.getCollectionName(type)).map(d -> d.getString("_id"))
            .buffer(500).concatMap(ids -> {
                Map<String, Long> any = new LinkedHashMap<>();
                ids.forEach(id -> any.put(id, 0L));
                return refresh(any).thenReturn(ids.size());
            }).reduce(0L, Long::sum);
    }

    /** Loads every live listing into {@code target} (a new generation, not yet behind the alias); emits each batch's size. */
    public Flux<Integer> copyAll(String target) {
        Query q = Query.query(Criteria.where("status").is(ListingStatus.PUBLISHED.name()).and("expiresAt").gt(clock.instant()));
        q.fields().exclude("history").exclude("pendingEvents");
        // replies of `batch` records: without it a server may answer with every record at once (the dev stack's
        // MongoDB does, and 100,000 achievements make a 300 MB reply, over the driver's 48 MB limit)
        q.cursorBatchSize(batch);
        return mongo.find(q, type).buffer(batch)
            .concatMap(records -> indexOperations(records, target).flatMap(ops -> send(ops, target)).flatMap(refused -> refused.isEmpty()
                ? Mono.just(records.size())
                : Mono.error(new IllegalStateException(refused.size() + " listings could not be indexed into " + target))));
    }

    private boolean isLive(D d) {
        return d.status() == ListingStatus.PUBLISHED && d.expiresAt() != null && d.expiresAt().isAfter(clock.instant());
    }

    private Mono<List<BulkOperation>> indexOperations(List<D> records, String target) {
        if (records.isEmpty()) return Mono.just(List.of());
        return documents.publicTextsOf(kind, records.stream().map(ListingRecord::id).toList()).map(texts -> {
            List<BulkOperation> ops = new ArrayList<>();
            for (D d : records) {
                Map<String, Object> doc = toSearchDocument.apply(d, texts.getOrDefault(d.id(), List.of()));
                ops.add(BulkOperation.of(o -> o.index(i -> i.index(target).id(d.id()).version(d.version())
                    .versionType(VersionType.ExternalGte).document(doc))));
            }
            return ops;
        });
    }

    /** Sends the operations and returns the ids of the items Elasticsearch refused (not counting "newer version there"). */
    private Mono<Set<String>> send(List<BulkOperation> ops, String target) {
        if (ops.isEmpty()) return Mono.just(Set.of());
        return index.bulk(BulkRequest.of(b -> b.index(target).operations(ops))).map(failed -> {
            Set<String> ids = new HashSet<>();
            failed.forEach(item -> ids.add(item.id()));
            return ids;
        });
    }

    private static BulkOperation delete(String id, Long version) {
        return BulkOperation.of(o -> o.delete(del -> {
            del.id(id);
            if (version != null) del.version(version).versionType(VersionType.ExternalGte);
            return del;
        }));
    }

    public static Map<String, Long> anyVersion(List<String> ids) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String id : ids) out.put(id, 0L);
        return out;
    }
}
