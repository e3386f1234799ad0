package io.ttx.search;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import io.ttx.catalogue.AchievementEvents;
import io.ttx.catalogue.AchievementSnapshot;
import io.ttx.catalogue.ListingSnapshots;
import io.ttx.documents.ListingKind;
import io.ttx.documents.ListingTexts;
import io.ttx.search.elastic.AchievementIndex;
import io.ttx.search.elastic.ListingIndexer;
import io.ttx.search.elastic.SearchDocuments;
import io.ttx.shared.outbox.OutboxEvent;
import io.ttx.testsupport.IntegrationTest;
import io.ttx.testsupport.TestOrgs;
import io.ttx.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Late deliveries through the real {@link ListingIndexer}: the relay delivers at least once, so an old event may come
 * again after newer ones, and a lagging read may hand the indexer an older snapshot than the index holds. Neither may
 * overwrite a newer indexed state nor bring back a withdrawn record: writes carry the listing's version as external
 * version and deletions leave versioned tombstones.
 */
class LateEventsIT extends IntegrationTest {
    @Autowired
    ListingIndexer<AchievementSnapshot> indexer;
    @Autowired
    ListingSnapshots<AchievementSnapshot> snapshots;
    @Autowired
    ListingTexts texts;
    @Autowired
    AchievementIndex index;
    @Autowired
    ElasticsearchAsyncClient es;
    @Autowired
    Clock clock;

    private final String owner = "Bearer " + Tokens.custom("late-owner", List.of("tto"), TestOrgs.university(), "330100");

    @Test
    void aLateOlderEventNeverOverwritesANewerIndexedState() {
        String id = SearchSteps.publishAchievement(api, owner, bearer("broker"), b -> b.set("title", SearchSteps.texts("旧标题", "Old title")));
        eventually(Duration.ofSeconds(20), () -> assertThat(versionOf(id)).isEqualTo(3));
        AchievementSnapshot published = snapshots.snapshot(id).block(Duration.ofSeconds(10));
        // a reviewed change of the title: version 4 holds the revision, version 5 publishes it
        api.patch().uri("/api/v1/achievements/{id}", id).header(HttpHeaders.AUTHORIZATION, owner).header(HttpHeaders.IF_MATCH, "\"3\"")
            .contentType(MediaType.valueOf("application/merge-patch+json")).bodyValue("{\"title\":{\"zh\":\"新标题\",\"en\":\"New title\"}}")
            .exchange().expectStatus().isOk();
        api.post().uri("/api/v1/achievements/{id}/review", id).header(HttpHeaders.AUTHORIZATION, bearer("broker"))
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"decision\":\"APPROVE\"}").exchange().expectStatus().isOk();
        eventually(Duration.ofSeconds(20), () -> assertThat(versionOf(id)).isEqualTo(5));

        // the relay delivers the publication again: the indexer reads the listing as it is now
        assertThat(indexer.apply(List.of(event(id, AchievementEvents.PUBLISHED, 3))).block(Duration.ofSeconds(20))).isEmpty();
        assertThat(versionOf(id)).isEqualTo(5);
        // ...and with a lagging read the indexer gets the old snapshot: the index keeps the newer state
        assertThat(lagging(published).apply(List.of(event(id, AchievementEvents.PUBLISHED, 3))).block(Duration.ofSeconds(20))).isEmpty();
        Indexed now = indexed(id);
        assertThat(now.version()).isEqualTo(5);
        assertThat(now.title().get("zh")).isEqualTo("新标题");
    }

    @Test
    void aLateOlderEventNeverResurrectsAWithdrawnRecord() {
        String id = SearchSteps.publishAchievement(api, owner, bearer("broker"), b -> { });
        eventually(Duration.ofSeconds(20), () -> assertThat(versionOf(id)).isEqualTo(3));
        AchievementSnapshot published = snapshots.snapshot(id).block(Duration.ofSeconds(10));
        api.post().uri("/api/v1/achievements/{id}/withdrawal", id).header(HttpHeaders.AUTHORIZATION, owner).exchange().expectStatus().isOk();
        eventually(Duration.ofSeconds(20), () -> assertThat(indexed(id)).isNull());

        assertThat(indexer.apply(List.of(event(id, AchievementEvents.PUBLISHED, 3))).block(Duration.ofSeconds(20))).isEmpty();
        assertThat(indexed(id)).isNull();
        // the old, published snapshot arrives late: the deletion's tombstone (version 4) refuses it
        assertThat(lagging(published).apply(List.of(event(id, AchievementEvents.PUBLISHED, 3))).block(Duration.ofSeconds(20))).isEmpty();
        assertThat(indexed(id)).isNull();
    }

    /** The production indexer's code over the same index, reading listings from a replica that lags behind. */
    private ListingIndexer<AchievementSnapshot> lagging(AchievementSnapshot old) {
        ListingSnapshots<AchievementSnapshot> stale = new ListingSnapshots<>() {
            @Override
            public Flux<AchievementSnapshot> snapshots(Collection<String> ids) {
                return Flux.just(old).filter(s -> ids.contains(s.id()));
            }

            @Override
            public Flux<String> idsChangedSince(Instant since) {
                return Flux.empty();
            }

            @Override
            public Flux<AchievementSnapshot> live(int batch) {
                return Flux.empty();
            }
        };
        return new ListingIndexer<>(ListingKind.ACHIEVEMENT, index, stale, texts, SearchDocuments::of, 100, clock);
    }

    private static OutboxEvent event(String id, String type, long version) {
        return new OutboxEvent(UUID.randomUUID().toString(), type, AchievementEvents.AGGREGATE_TYPE, id, version, Instant.now());
    }

    private long versionOf(String id) {
        Indexed i = indexed(id);
        return i == null ? -1 : i.version();
    }

    private record Indexed(long version, Map<?, ?> title) { }

    /** The record in the index and the listing version it holds (null when there is none), read by id: no refresh in between. */
    @SuppressWarnings("rawtypes")
    private Indexed indexed(String id) {
        GetResponse<Map> r = Mono.fromFuture(() -> es.get(g -> g.index(index.alias()).id(id), Map.class)).block(Duration.ofSeconds(20));
        return r.found() ? new Indexed(((Number) r.source().get("version")).longValue(), (Map<?, ?>) r.source().get("title")) : null;
    }
}
