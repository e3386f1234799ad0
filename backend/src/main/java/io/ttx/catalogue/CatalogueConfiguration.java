package io.ttx.catalogue;

import io.ttx.catalogue.persistence.AchievementStore;
import io.ttx.catalogue.persistence.DemandStore;
import io.ttx.shared.jobs.StartupTask;
import io.ttx.shared.outbox.Deletions;
import io.ttx.shared.outbox.OutboxSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import reactor.core.publisher.Flux;

@Configuration(proxyBeanMethods = false)
class CatalogueConfiguration {
    @Bean
    OutboxSource achievementEvents() {
        return new OutboxSource(AchievementStore.COLLECTION, AchievementEvents.AGGREGATE_TYPE);
    }

    @Bean
    OutboxSource demandEvents() {
        return new OutboxSource(DemandStore.COLLECTION, DemandEvents.AGGREGATE_TYPE);
    }

    /** Indexes for the list, review-queue, expiry, relay, reindex catch-up and deletion-sweep queries. */
    @Bean
    StartupTask catalogueIndexes(ReactiveMongoTemplate mongo) {
        return StartupTask.of("catalogue indexes", () -> Flux.just(AchievementStore.COLLECTION, DemandStore.COLLECTION).concatMap(collection -> Flux.just(
                new Index().on("ownerOrg", Sort.Direction.ASC).on("_id", Sort.Direction.DESC).named("owner_id"),
                new Index().on("status", Sort.Direction.ASC).on("_id", Sort.Direction.DESC).named("status_id"),
                new Index().on("status", Sort.Direction.ASC).on("expiresAt", Sort.Direction.ASC).named("status_expiry"),
                new Index().on("pendingEvents.id", Sort.Direction.ASC).sparse().named("pending_events"),
                new Index().on("updatedAt", Sort.Direction.ASC).named("updated"),
                new Index().on("pendingRevision.status", Sort.Direction.ASC).on("_id", Sort.Direction.DESC).sparse().named("revision_id"),
                new Index().on(Deletions.FIELD, Sort.Direction.ASC).sparse().named("deleted"))
            .concatMap(mongo.indexOps(collection)::createIndex)));
    }
}
