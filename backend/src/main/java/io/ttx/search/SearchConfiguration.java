package io.ttx.search;

import io.ttx.catalogue.Achievements;
import io.ttx.documents.ListingKind;
import io.ttx.documents.persistence.DocumentRecord;
import io.ttx.documents.persistence.DocumentStore;
import io.ttx.search.elastic.AchievementIndex;
import io.ttx.shared.outbox.OutboxConsumer;
import io.ttx.shared.outbox.OutboxEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.List;

/** Wires the index to the outbox: achievement events refresh their record, extracted document text refreshes its achievement. */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean
    SearchIndexer searchIndexer(Achievements achievements, DocumentStore documents, AchievementIndex index, Clock clock) {
        return new SearchIndexer(achievements, documents, index, clock);
    }

    /** First among the achievement consumers: saved-search matching (alerts) runs after it, on indexed records. */
    @Bean
    @Order(0)
    OutboxConsumer achievementsToSearch(SearchIndexer indexer) {
        return new OutboxConsumer() {
            @Override
            public String aggregateType() {
                return "achievement";
            }

            @Override
            public Mono<Void> accept(List<OutboxEvent> events) {
                return indexer.apply(events);
            }
        };
    }

    @Bean
    OutboxConsumer documentTextToSearch(SearchIndexer indexer, DocumentStore documents) {
        return new OutboxConsumer() {
            @Override
            public String aggregateType() {
                return "document";
            }

            @Override
            public Mono<Void> accept(List<OutboxEvent> events) {
                List<String> ids = events.stream().filter(e -> e.type().equals("DocumentTextExtracted")).map(OutboxEvent::aggregateId).toList();
                if (ids.isEmpty()) return Mono.empty();
                return documents.byIds(ids).filter(d -> d.listingKind() == ListingKind.ACHIEVEMENT).map(DocumentRecord::listingId)
                    .collectList().map(SearchIndexer::anyVersion).flatMap(indexer::refresh);
            }
        };
    }
}
