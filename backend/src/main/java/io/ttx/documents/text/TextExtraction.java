package io.ttx.documents.text;

import io.ttx.documents.DocumentEvents;
import io.ttx.documents.DocumentProperties;
import io.ttx.documents.persistence.DocumentRecord;
import io.ttx.documents.persistence.DocumentRecord.TextStatus;
import io.ttx.documents.persistence.DocumentStore;
import io.ttx.documents.storage.ObjectStore;
import io.ttx.shared.outbox.OutboxConsumer;
import io.ttx.shared.outbox.OutboxEvent;
import io.ttx.shared.outbox.OutboxRelay;
import io.ttx.shared.web.Failures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * After an upload, extracts the searchable text of PUBLIC PDF and Office documents (confidential ones are never
 * read, so their text cannot reach the index), bounded in size, time and memory by {@link TextExtractor}, and records
 * {@code DocumentTextExtracted} for the search index. Runs as a consumer of document events: if storage is down the
 * event stays pending and is retried; a document whose extraction fails, times out or runs out of memory is marked
 * FAILED and not retried.
 */
@Component
class TextExtraction implements OutboxConsumer {
    private record Outcome(TextStatus status, String text) { }

    private static final Logger log = LoggerFactory.getLogger(TextExtraction.class);
    private final DocumentStore store;
    private final ObjectStore objects;
    private final TextExtractor extractor;
    private final DocumentProperties props;
    private final OutboxRelay relay;
    private final Clock clock;

    TextExtraction(DocumentStore store, ObjectStore objects, TextExtractor extractor, DocumentProperties props, OutboxRelay relay, Clock clock) {
        this.store = store;
        this.objects = objects;
        this.extractor = extractor;
        this.props = props;
        this.relay = relay;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "document-text-extraction";
    }

    @Override
    public String aggregateType() {
        return DocumentEvents.AGGREGATE_TYPE;
    }

    @Override
    public Mono<Void> accept(List<OutboxEvent> events) {
        List<String> uploaded = events.stream().filter(e -> e.type().equals(DocumentEvents.UPLOADED)).map(OutboxEvent::aggregateId).toList();
        if (uploaded.isEmpty()) return Mono.empty();
        return store.byIds(uploaded).filter(d -> d.textStatus() == TextStatus.PENDING).concatMap(this::extract).then()
            .doOnSuccess(x -> relay.nudge(DocumentStore.COLLECTION));
    }

    private Mono<Boolean> extract(DocumentRecord d) {
        return objects.open(d.objectKey())
            .flatMap(in -> Mono.fromCallable(() -> extractor.extract(in, props.textLimit())).subscribeOn(Schedulers.boundedElastic()))
            .map(text -> new Outcome(TextStatus.EXTRACTED, text))
            .onErrorResume(e -> !(e instanceof ExtractionFailed) && Failures.storeUnavailable(e)
                ? Mono.error(e) // storage down: leave the event pending, retry later
                : Mono.fromSupplier(() -> {
                    log.warn("text extraction of {} failed: {}", d.id(), e.toString());
                    return new Outcome(TextStatus.FAILED, "");
                }))
            .flatMap(r -> store.textExtracted(d.id(), r.status(), r.text(),
                new DocumentRecord.DocumentEvent(UUID.randomUUID().toString(), DocumentEvents.TEXT_EXTRACTED, 2, clock.instant())));
    }
}
