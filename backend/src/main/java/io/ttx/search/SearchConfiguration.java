package io.ttx.search;

import io.ttx.catalogue.AchievementEvents;
import io.ttx.catalogue.AchievementSnapshot;
import io.ttx.catalogue.DemandEvents;
import io.ttx.catalogue.DemandSnapshot;
import io.ttx.catalogue.ListingSnapshots;
import io.ttx.documents.DocumentEvents;
import io.ttx.documents.ListingKind;
import io.ttx.documents.ListingTexts;
import io.ttx.search.elastic.AchievementIndex;
import io.ttx.search.elastic.DemandIndex;
import io.ttx.search.elastic.ListingIndexer;
import io.ttx.search.elastic.SearchDocuments;
import io.ttx.shared.outbox.OutboxConsumer;
import io.ttx.shared.outbox.OutboxEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Wires the indices to the outbox: achievement and demand events refresh their record, a document whose public text
 * changed (extracted, approved after a review, deleted) refreshes its listing. The indexers run first among the
 * consumers of their aggregate (order 0), so consumers that query the index after a publish (saved searches) see it.
 */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {
    private static final Set<String> TEXT_CHANGES = Set.of(DocumentEvents.TEXT_EXTRACTED, DocumentEvents.APPROVED, DocumentEvents.DELETED);

    @Bean
    ListingIndexer<AchievementSnapshot> achievementIndexer(AchievementIndex index, ListingSnapshots<AchievementSnapshot> achievements,
                                                           ListingTexts texts, SearchProperties props, Clock clock) {
        return new ListingIndexer<>(ListingKind.ACHIEVEMENT, index, achievements, texts, SearchDocuments::of, props.reindexBatch(), clock);
    }

    @Bean
    ListingIndexer<DemandSnapshot> demandIndexer(DemandIndex index, ListingSnapshots<DemandSnapshot> demands, ListingTexts texts,
                                                 SearchProperties props, Clock clock) {
        return new ListingIndexer<>(ListingKind.DEMAND, index, demands, texts, SearchDocuments::of, props.reindexBatch(), clock);
    }

    /** First among the achievement consumers: saved-search matching (alerts) runs after it, on indexed records. */
    @Bean
    @Order(0)
    OutboxConsumer achievementsToSearch(ListingIndexer<AchievementSnapshot> indexer) {
        return OutboxConsumer.perAggregate("achievement-index", AchievementEvents.AGGREGATE_TYPE, indexer::apply);
    }

    @Bean
    @Order(0)
    OutboxConsumer demandsToSearch(ListingIndexer<DemandSnapshot> indexer) {
        return OutboxConsumer.perAggregate("demand-index", DemandEvents.AGGREGATE_TYPE, indexer::apply);
    }

    @Bean
    @Order(0)
    OutboxConsumer documentTextToSearch(ListingIndexer<AchievementSnapshot> achievements, ListingIndexer<DemandSnapshot> demands,
                                        ListingTexts texts) {
        return OutboxConsumer.of("document-text-index", DocumentEvents.AGGREGATE_TYPE, events -> {
            // text extracted, a document that waited for its listing's review approved, or one deleted: the listing's text changed
            List<String> ids = events.stream().filter(e -> TEXT_CHANGES.contains(e.type())).map(OutboxEvent::aggregateId).toList();
            if (ids.isEmpty()) return Mono.empty();
            return texts.listingsOf(ids).flatMap(listings -> Flux.just(achievements, demands)
                .concatMap(indexer -> indexer.refresh(ListingIndexer.anyVersion(listings.getOrDefault(indexer.kind(), List.of()))))
                .then());
        });
    }
}
