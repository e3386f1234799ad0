package io.ttx.search;

import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import io.ttx.catalogue.Achievements;
import io.ttx.catalogue.ListingStatus;
import io.ttx.catalogue.persistence.AchievementDocument;
import io.ttx.documents.ListingKind;
import io.ttx.documents.persistence.DocumentStore;
import io.ttx.search.elastic.AchievementIndex;
import io.ttx.shared.outbox.OutboxEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Keeps the search index in step with the catalogue: for every achievement touched by a batch of events, the
 * current document is read and either indexed (published, unexpired) or deleted, in one bulk request with external
 * versions. An event is done only when Elasticsearch acknowledged its item; any failed item fails the batch, which
 * the relay retries (the successful items are idempotent).
 */
public class SearchIndexer {
    private final Achievements achievements;
    private final DocumentStore documents;
    private final AchievementIndex index;
    private final Clock clock;

    public SearchIndexer(Achievements achievements, DocumentStore documents, AchievementIndex index, Clock clock) {
        this.achievements = achievements;
        this.documents = documents;
        this.index = index;
        this.clock = clock;
    }

    /** Re-indexes the achievements of these events; a record read older than its newest event fails the batch (retried). */
    public Mono<Void> apply(List<OutboxEvent> events) {
        Map<String, Long> newest = new java.util.LinkedHashMap<>();
        for (OutboxEvent e : events) newest.merge(e.aggregateId(), e.version(), Math::max);
        return refresh(newest);
    }

    /** Re-indexes these achievements at their current state (the minimum versions expected may be 0). */
    public Mono<Void> refresh(Map<String, Long> minimumVersions) {
        if (minimumVersions.isEmpty()) return Mono.empty();
        return Flux.fromIterable(minimumVersions.entrySet())
            .concatMap(e -> achievements.document(e.getKey())
                .flatMap(d -> d.version() < e.getValue()
                    ? Mono.<BulkOperation>error(new IllegalStateException("stale read of " + d.id() + " (v" + d.version() + " < v" + e.getValue() + ")"))
                    : operation(d))
                .defaultIfEmpty(delete(e.getKey(), null)))
            .collectList()
            .flatMap(ops -> index.bulk(BulkRequest.of(b -> b.index(index.alias()).operations(ops))))
            .flatMap(failed -> failed.isEmpty() ? Mono.<Void>empty()
                : Mono.error(new IllegalStateException(failed.size() + " index operations failed, first: " + failed.getFirst().error())));
    }

    private Mono<BulkOperation> operation(AchievementDocument d) {
        boolean live = d.status() == ListingStatus.PUBLISHED && d.expiresAt() != null && d.expiresAt().isAfter(clock.instant());
        if (!live) return Mono.just(delete(d.id(), d.version()));
        return documents.publicTexts(ListingKind.ACHIEVEMENT, d.id()).collectList().map(texts -> {
            Map<String, Object> doc = io.ttx.search.elastic.SearchDocuments.of(d, texts);
            return BulkOperation.of(o -> o.index(i -> i.index(index.alias()).id(d.id()).version(d.version())
                .versionType(VersionType.ExternalGte).document(doc)));
        });
    }

    private static BulkOperation delete(String id, Long version) {
        return BulkOperation.of(o -> o.delete(del -> {
            del.id(id);
            if (version != null) del.version(version).versionType(VersionType.ExternalGte);
            return del;
        }));
    }

    static Map<String, Long> anyVersion(List<String> achievementIds) {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        for (String id : achievementIds) out.put(id, 0L);
        return out;
    }
}
