package io.ttx.documents;

import io.ttx.catalogue.AchievementEvents;
import io.ttx.catalogue.DemandEvents;
import io.ttx.documents.persistence.DocumentStore;
import io.ttx.documents.persistence.RoomDocumentStore;
import io.ttx.shared.jobs.StartupTask;
import io.ttx.shared.outbox.Deletions;
import io.ttx.shared.outbox.OutboxConsumer;
import io.ttx.shared.outbox.OutboxRelay;
import io.ttx.shared.outbox.OutboxSource;
import io.ttx.shared.web.BodySizeLimit;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.http.codec.multipart.PartEventHttpMessageReader;
import reactor.core.publisher.Flux;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class DocumentsConfiguration {
    static final int MAX_PARTS = 8;

    @Bean
    OutboxSource documentEvents() {
        return new OutboxSource(DocumentStore.COLLECTION, DocumentEvents.AGGREGATE_TYPE);
    }

    @Bean
    ListingReviews listingReviews(DocumentStore store, OutboxRelay relay, Clock clock) {
        return new ListingReviews(store, relay, clock);
    }

    /** Public documents added to published listings wait for the listing's review (its revision events). */
    @Bean
    OutboxConsumer achievementReviewsToDocuments(ListingReviews reviews) {
        return OutboxConsumer.of("document-listing-reviews", AchievementEvents.AGGREGATE_TYPE, reviews::onAchievementEvents);
    }

    @Bean
    OutboxConsumer demandReviewsToDocuments(ListingReviews reviews) {
        return OutboxConsumer.of("document-listing-reviews", DemandEvents.AGGREGATE_TYPE, reviews::onDemandEvents);
    }

    @Bean
    ListingDeletions listingDeletions(DocumentRemoval removal) {
        return new ListingDeletions(removal);
    }

    /** A deleted draft takes its documents with it (records and objects). */
    @Bean
    OutboxConsumer achievementDeletionsToDocuments(ListingDeletions deletions) {
        return OutboxConsumer.of("document-listing-deletions", AchievementEvents.AGGREGATE_TYPE, deletions::onAchievementEvents);
    }

    @Bean
    OutboxConsumer demandDeletionsToDocuments(ListingDeletions deletions) {
        return OutboxConsumer.of("document-listing-deletions", DemandEvents.AGGREGATE_TYPE, deletions::onDemandEvents);
    }

    /** Uploads may be as large as a document plus the multipart envelope; 413 above (Content-Length, then streamed bytes). */
    @Bean
    BodySizeLimit documentUploadLimit(DocumentProperties props) {
        return new BodySizeLimit("/api/v1/{kind:achievements|demands}/{id}/documents", props.uploadBodyLimit());
    }

    /**
     * An upload is a file and its confidentiality: a request with more than {@value #MAX_PARTS} parts is refused (400)
     * when the next part starts, instead of each extra part being read and drained. Headers of a part stay within the
     * reader's 10 KB (so a file name does too); a text field is read within the codec limit (1 MB) and refused above
     * {@link UploadForm#MAX_FIELD_LENGTH} characters (see decisions.md for why not lower in the reader).
     */
    @Bean
    CodecCustomizer uploadPartLimit() {
        return codecs -> codecs.defaultCodecs().configureDefaultCodec(codec -> {
            if (codec instanceof PartEventHttpMessageReader parts) parts.setMaxParts(MAX_PARTS);
        });
    }

    /** Indexes for a listing's documents, the orphan sweep, reindex catch-up, the relay and the deletion sweep. */
    @Bean
    StartupTask documentIndexes(ReactiveMongoTemplate mongo) {
        var ops = mongo.indexOps(DocumentStore.COLLECTION);
        return StartupTask.of("document indexes", () -> Flux.just(new Index().on("listingId", Sort.Direction.ASC).on("uploadedAt", Sort.Direction.ASC).named("listing"),
                new Index().on("objectKey", Sort.Direction.ASC).unique().named("object_key"),
                new Index().on("listingKind", Sort.Direction.ASC).on("uploadedAt", Sort.Direction.ASC).named("kind_uploaded"),
                new Index().on("pendingEvents.id", Sort.Direction.ASC).sparse().named("pending_events"),
                new Index().on(Deletions.FIELD, Sort.Direction.ASC).sparse().named("deleted"))
            .concatMap(ops::createIndex));
    }

    /** Indexes for a room's documents (oldest first) and the orphan sweep. */
    @Bean
    StartupTask roomDocumentIndexes(ReactiveMongoTemplate mongo) {
        var ops = mongo.indexOps(RoomDocumentStore.COLLECTION);
        return StartupTask.of("room document indexes", () -> Flux.just(
                new Index().on("roomId", Sort.Direction.ASC).on("roomKind", Sort.Direction.ASC).on("uploadedAt", Sort.Direction.ASC).named("room"),
                new Index().on("objectKey", Sort.Direction.ASC).unique().named("object_key"))
            .concatMap(ops::createIndex));
    }
}
