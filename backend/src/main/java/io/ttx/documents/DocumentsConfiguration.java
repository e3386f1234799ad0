package io.ttx.documents;

import io.ttx.documents.persistence.DocumentStore;
import io.ttx.shared.outbox.OutboxSource;
import io.ttx.shared.web.BodySizeLimit;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Duration;

@Configuration(proxyBeanMethods = false)
class DocumentsConfiguration {

    @Bean
    OutboxSource documentEvents() {
        return new OutboxSource(DocumentStore.COLLECTION, DocumentEvents.AGGREGATE_TYPE);
    }

    /** Uploads may be as large as a document plus the multipart envelope; 413 above, judged from Content-Length. */
    @Bean
    BodySizeLimit documentUploadLimit(DocumentProperties props) {
        return new BodySizeLimit("/api/v1/{kind:achievements|demands}/{id}/documents", DataSize.ofBytes(props.maxSize().toBytes() + 64 * 1024));
    }

    /** Until the brokerage capability records NDAs, nobody outside owner, brokers and admins sees confidential documents. */
    @Bean
    @ConditionalOnMissingBean
    NdaCheck noNdasYet() {
        return (org, achievementId) -> Mono.just(false);
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureIndexes(ApplicationReadyEvent event) {
        var ops = event.getApplicationContext().getBean(ReactiveMongoTemplate.class).indexOps(DocumentStore.COLLECTION);
        Flux.just(new Index().on("listingId", Sort.Direction.ASC).on("uploadedAt", Sort.Direction.ASC).named("listing"),
                new Index().on("objectKey", Sort.Direction.ASC).unique().named("object_key"),
                new Index().on("listingKind", Sort.Direction.ASC).on("uploadedAt", Sort.Direction.ASC).named("kind_uploaded"),
                new Index().on("pendingEvents.id", Sort.Direction.ASC).sparse().named("pending_events"))
            .concatMap(ops::createIndex)
            .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30)))
            .subscribe();
    }
}
