package io.ttx.search;

import io.ttx.catalogue.persistence.AchievementDocument;
import io.ttx.catalogue.persistence.DemandDocument;
import io.ttx.documents.ListingKind;
import io.ttx.documents.persistence.DocumentRecord;
import io.ttx.documents.persistence.DocumentStore;
import io.ttx.search.elastic.AchievementIndex;
import io.ttx.search.elastic.DemandIndex;
import io.ttx.search.elastic.SearchDocuments;
import io.ttx.shared.outbox.OutboxConsumer;
import io.ttx.shared.outbox.OutboxEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.List;

/**
 * Wires the indices to the outbox: achievement and demand events refresh their record, extracted document text
 * refreshes its listing. The indexers run first among the consumers of their aggregate (order 0), so consumers
 * that query the index after a publish (saved searches) see the record.
 */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean
    ListingIndexer<AchievementDocument> achievementIndexer(AchievementIndex index, ReactiveMongoTemplate mongo, DocumentStore documents,
                                                           SearchProperties props, Clock clock) {
        return new ListingIndexer<>(ListingKind.ACHIEVEMENT, AchievementDocument.class, index, mongo, documents, SearchDocuments::of,
            props.reindexBatch(), clock);
    }

    @Bean
    ListingIndexer<DemandDocument> demandIndexer(DemandIndex index, ReactiveMongoTemplate mongo, DocumentStore documents,
                                                 SearchProperties props, Clock clock) {
        return new ListingIndexer<>(ListingKind.DEMAND, DemandDocument.class, index, mongo, documents, SearchDocuments::of,
            props.reindexBatch(), clock);
    }

    /** First among the achievement consumers: saved-search matching (alerts) runs after it, on indexed records. */
    @Bean
    @Order(0)
    OutboxConsumer achievementsToSearch(ListingIndexer<AchievementDocument> indexer) {
        return OutboxConsumer.perAggregate("achievement-index", "achievement", indexer::apply);
    }

    @Bean
    @Order(0)
    OutboxConsumer demandsToSearch(ListingIndexer<DemandDocument> indexer) {
        return OutboxConsumer.perAggregate("demand-index", "demand", indexer::apply);
    }

    @Bean
    @Order(0)
    OutboxConsumer documentTextToSearch(ListingIndexer<AchievementDocument> achievements, ListingIndexer<DemandDocument> demands,
                                        DocumentStore documents) {
        return OutboxConsumer.of("document-text-index", "document", events -> {
            List<String> ids = events.stream().filter(e -> e.type().equals("DocumentTextExtracted")).map(OutboxEvent::aggregateId).toList();
            if (ids.isEmpty()) return Mono.empty();
            return documents.byIds(ids).collectList().flatMap(docs -> Flux.just(achievements, demands)
                .concatMap(indexer -> indexer.refresh(ListingIndexer.anyVersion(docs.stream()
                    .filter(d -> d.listingKind() == indexer.kind()).map(DocumentRecord::listingId).distinct().toList())))
                .then());
        });
    }
}
