package io.ttx.documents;

import io.ttx.documents.persistence.DocumentRecord;
import io.ttx.documents.persistence.DocumentStore;
import io.ttx.documents.storage.ObjectStore;
import io.ttx.shared.outbox.OutboxRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.UUID;

/**
 * Removes documents, one at a time or all of a listing. The record is marked deleted with its {@code DocumentDeleted}
 * event in one write (readers no longer find it, the search index drops its text through the outbox, and the record
 * itself goes once that event was delivered), then the object is removed. Removing objects is best effort: what is
 * left is an orphan once the record is gone, and the orphan sweep removes it.
 */
@Component
class DocumentRemoval {
    private static final Logger log = LoggerFactory.getLogger(DocumentRemoval.class);
    /** After every other event a document records (uploaded 1, text extracted 2, decided by a review 3). */
    private static final long DELETED_VERSION = 4;
    private final DocumentStore store;
    private final ObjectStore objects;
    private final OutboxRelay relay;
    private final Clock clock;

    DocumentRemoval(DocumentStore store, ObjectStore objects, OutboxRelay relay, Clock clock) {
        this.store = store;
        this.objects = objects;
        this.relay = relay;
        this.clock = clock;
    }

    /** Removes one document; emits false when another removal marked it first. */
    Mono<Boolean> remove(DocumentRecord d) {
        var event = new DocumentRecord.DocumentEvent(UUID.randomUUID().toString(), DocumentEvents.DELETED, DELETED_VERSION, clock.instant());
        return store.markDeleted(d.id(), event)
            .doOnNext(marked -> { if (marked) relay.nudge(DocumentStore.COLLECTION); })
            .flatMap(marked -> discard(d.objectKey()).thenReturn(marked));
    }

    /** Removes every document of a listing; emits how many. Repeatable: documents already removed are not listed again. */
    Mono<Long> removeAllOf(ListingKind kind, String listingId) {
        return store.ofListing(kind, listingId).concatMap(this::remove).filter(marked -> marked).count();
    }

    /** Removes an object (best effort: the orphan sweep retries later). */
    Mono<Void> discard(String objectKey) {
        return objects.delete(objectKey).onErrorResume(e -> {
            log.warn("could not remove {} now, the orphan sweep will: {}", objectKey, e.toString());
            return Mono.empty();
        });
    }
}
