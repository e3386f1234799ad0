package io.ttx.search.elastic;

import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import io.ttx.catalogue.ListingSnapshot;
import io.ttx.catalogue.ListingSnapshots;
import io.ttx.documents.ListingKind;
import io.ttx.documents.ListingTexts;
import io.ttx.search.elastic.BulkBatches.Sized;
import io.ttx.shared.outbox.OutboxEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * Listings come from the catalogue's snapshots, their public document text from the documents capability.
 */
public class ListingIndexer<S extends ListingSnapshot> {
    private static final Logger log = LoggerFactory.getLogger(ListingIndexer.class);
    private final ListingKind kind;
    private final SearchIndex index;
    private final ListingSnapshots<S> listings;
    private final ListingTexts texts;
    private final BiFunction<S, List<String>, Map<String, Object>> toSearchDocument;
    private final int batch;
    private final Clock clock;

    /** @param batch records per MongoDB reply and per bulk request when a whole generation is loaded */
    public ListingIndexer(ListingKind kind, SearchIndex index, ListingSnapshots<S> listings, ListingTexts texts,
                          BiFunction<S, List<String>, Map<String, Object>> toSearchDocument, int batch, Clock clock) {
        this.kind = kind;
        this.index = index;
        this.listings = listings;
        this.texts = texts;
        this.toSearchDocument = toSearchDocument;
        this.batch = batch;
        this.clock = clock;
        index.whenCreated(alias -> copyAll(alias).count()
            .doOnNext(n -> { if (n > 0) log.info("filled the new {} index from MongoDB ({} batches)", alias, n); }));
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
        return listings.snapshots(minimumVersions.keySet()).collectMap(ListingSnapshot::id)
            .flatMap(found -> {
                Set<String> failed = new HashSet<>();
                List<S> live = new ArrayList<>();
                List<Sized> ops = new ArrayList<>();
                Instant now = clock.instant();
                for (var e : minimumVersions.entrySet()) {
                    S d = found.get(e.getKey());
                    if (d == null) ops.add(Sized.of(delete(e.getKey(), null)));
                    else if (d.version() < e.getValue()) failed.add(d.id()); // a lagging read: try again later
                    else if (d.liveAt(now)) live.add(d);
                    else ops.add(Sized.of(delete(d.id(), d.version())));
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
        return listings.idsChangedSince(since).buffer(500)
            .concatMap(ids -> refresh(anyVersion(ids)).thenReturn(ids.size()))
            .reduce(0L, Long::sum);
    }

    /** Loads every live listing into {@code target} (a new generation, not yet behind the alias); emits each batch's size. */
    public Flux<Integer> copyAll(String target) {
        // MongoDB replies of `batch` records (never the whole collection in one reply), bulk requests of as many
        return listings.live(batch).buffer(batch)
            .concatMap(records -> indexOperations(records, target).flatMap(ops -> send(ops, target)).flatMap(refused -> refused.isEmpty()
                ? Mono.just(records.size())
                : Mono.error(new IllegalStateException(refused.size() + " listings could not be indexed into " + target))));
    }

    private Mono<List<Sized>> indexOperations(List<S> records, String target) {
        if (records.isEmpty()) return Mono.just(List.of());
        return texts.publicTextsOf(kind, records.stream().map(ListingSnapshot::id).toList()).map(byListing -> {
            List<Sized> ops = new ArrayList<>();
            for (S d : records) {
                Map<String, Object> doc = toSearchDocument.apply(d, byListing.getOrDefault(d.id(), List.of()));
                ops.add(Sized.of(BulkOperation.of(o -> o.index(i -> i.index(target).id(d.id()).version(d.version())
                    .versionType(VersionType.ExternalGte).document(doc))), doc));
            }
            return ops;
        });
    }

    /**
     * Sends the operations, in requests of bounded size ({@link BulkBatches}), and returns the ids of the items
     * Elasticsearch refused (not counting "newer version there").
     */
    private Mono<Set<String>> send(List<Sized> ops, String target) {
        return Flux.fromIterable(BulkBatches.split(ops, BulkBatches.MAX_BYTES))
            .concatMap(batch -> index.bulk(BulkRequest.of(b -> b.index(target).operations(batch))))
            .collect(() -> (Set<String>) new HashSet<String>(), (ids, failed) -> failed.forEach(item -> ids.add(item.id())));
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
