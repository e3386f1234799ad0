package io.ttx.documents;

import io.ttx.catalogue.Achievements;
import io.ttx.catalogue.Demands;
import io.ttx.catalogue.ListingCatalogue;
import io.ttx.catalogue.ListingGrant;
import io.ttx.catalogue.ListingNotFound;
import io.ttx.catalogue.NdaCheck;
import io.ttx.documents.persistence.DocumentRecord;
import io.ttx.documents.persistence.DocumentRecord.TextStatus;
import io.ttx.documents.persistence.DocumentStore;
import io.ttx.documents.storage.ObjectStore;
import io.ttx.identity.CurrentUser;
import io.ttx.shared.Ids;
import io.ttx.shared.outbox.OutboxRelay;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Documents of achievements and demands (module API); rooms' documents are {@link RoomDocuments}, downloaded here
 * too. Upload order guarantees no orphans: the object is stored first, then its metadata; when the metadata write
 * fails the object is removed again (and the periodic sweep catches what a crash leaves behind). Confidential
 * documents are shown only to the owner organisation, brokers, admins and NDA holders.
 */
@Service
public class Documents {
    static final Set<String> EXTRACTABLE_PREFIXES = Set.of("application/pdf", "application/msword",
        "application/vnd.openxmlformats-officedocument", "application/vnd.ms-", "application/vnd.oasis.opendocument");

    private final Achievements achievements;
    private final Demands demands;
    private final DocumentStore store;
    private final ObjectStore objects;
    private final DocumentRemoval removal;
    private final NdaCheck nda;
    private final RoomDocuments rooms;
    private final OutboxRelay relay;
    private final DocumentProperties props;
    private final Clock clock;

    Documents(Achievements achievements, Demands demands, DocumentStore store, ObjectStore objects, DocumentRemoval removal, NdaCheck nda,
              RoomDocuments rooms, OutboxRelay relay, DocumentProperties props, Clock clock) {
        this.achievements = achievements;
        this.demands = demands;
        this.store = store;
        this.objects = objects;
        this.removal = removal;
        this.nda = nda;
        this.rooms = rooms;
        this.relay = relay;
        this.props = props;
        this.clock = clock;
    }

    /** The part of an upload the web layer streamed to storage: where, what and how much. */
    public record StoredObject(String documentId, String objectKey, String filename, String contentType, long size, String sha256) { }

    /** Checks the caller may add documents to the listing, and names the object key for the upload. */
    public Mono<StoredObject> prepare(CurrentUser user, ListingKind kind, String listingId) {
        return grant(user, kind, listingId).map(g -> {
            if (!g.owner()) throw DocumentProblems.notOwner();
            String id = Ids.next("doc", clock.instant());
            return new StoredObject(id, kind.segment() + "/" + listingId + "/" + id, "", "", 0, "");
        });
    }

    private Mono<ListingGrant> grant(CurrentUser user, ListingKind kind, String listingId) {
        return listings(kind).grant(user, listingId);
    }

    private ListingCatalogue<?, ?, ?> listings(ListingKind kind) {
        return kind == ListingKind.ACHIEVEMENT ? achievements : demands;
    }

    /**
     * Writes the metadata of a stored object; on failure removes the object so that nothing is orphaned. A public
     * document is registered as waiting for review first, then asks its listing whether it must (a published listing
     * whose changes are reviewed): so it is never shown before a review, also when a reviewer is quick.
     */
    public Mono<DocumentView> register(CurrentUser user, ListingKind kind, String listingId, StoredObject stored, Confidentiality confidentiality) {
        Instant now = clock.instant();
        boolean isPublic = confidentiality == Confidentiality.PUBLIC;
        boolean extract = isPublic && extractable(stored.contentType());
        DocumentRecord r = new DocumentRecord(stored.documentId(), kind, listingId, user.org() == null ? "" : user.org(), stored.objectKey(),
            stored.filename(), stored.contentType(), stored.size(), stored.sha256(), confidentiality, user.subject(), now,
            extract ? TextStatus.PENDING : TextStatus.NOT_APPLICABLE, null, isPublic ? DocumentReview.PENDING : null,
            List.of(new DocumentRecord.DocumentEvent(UUID.randomUUID().toString(), DocumentEvents.UPLOADED, 1, now)));
        return store.insert(r)
            .onErrorResume(e -> discard(stored.objectKey()).then(Mono.error(e)))
            .flatMap(saved -> !isPublic ? Mono.just(saved) : listings(kind).submitDocumentForReview(user, listingId, stored.filename())
                .flatMap(waits -> waits ? Mono.just(saved) : store.clearReview(saved.id()).thenReturn(saved.withReview(null))))
            .doOnNext(x -> relay.nudge(DocumentStore.COLLECTION))
            .map(Documents::view);
    }

    /** Removes an object whose upload cannot complete (best effort: the orphan sweep retries later). */
    public Mono<Void> discard(String objectKey) {
        return removal.discard(objectKey);
    }

    public Flux<DocumentView> list(CurrentUser user, ListingKind kind, String listingId) {
        return grant(user, kind, listingId).flatMapMany(g -> mayReadConfidential(user, kind, g)
            .flatMapMany(confidential -> store.ofListing(kind, listingId)
                .filter(d -> g.confidential() || confidential && d.review() == null || shownToAll(d))
                .map(Documents::view)));
    }

    /**
     * A short-lived presigned download URL, after the same visibility checks as the listing; a room document's
     * (a deal room's) after its room's owner agreed ({@link RoomAccess}). 404 for a document the caller may not see.
     */
    public Mono<URI> downloadUrl(CurrentUser user, String documentId) {
        return visible(user, documentId)
            .map(d -> new StoredObject(d.id(), d.objectKey(), d.filename(), d.contentType(), d.size(), d.sha256()))
            .switchIfEmpty(Mono.defer(() -> rooms.readable(user, documentId)))
            .switchIfEmpty(Mono.error(() -> DocumentProblems.notFound(documentId)))
            .map(d -> {
                try {
                    return objects.presign(d.objectKey(), d.filename(), d.contentType(), props.presignTtl());
                } catch (Exception e) {
                    throw DocumentProblems.storageUnavailable();
                }
            });
    }

    /** Deletes a listing's document (its owner organisation); a room document is part of its room's record and stays (403). */
    public Mono<Void> delete(CurrentUser user, String documentId) {
        return store.find(documentId)
            .switchIfEmpty(Mono.defer(() -> rooms.readable(user, documentId).flatMap(r -> Mono.error(DocumentProblems.keptInRoom()))))
            .switchIfEmpty(Mono.error(() -> DocumentProblems.notFound(documentId)))
            .flatMap(d -> grant(user, d.listingKind(), d.listingId()).flatMap(g -> {
                if (!g.owner()) return Mono.error(DocumentProblems.notOwner());
                return removal.remove(d).then();
            }));
    }

    private Mono<DocumentRecord> visible(CurrentUser user, String documentId) {
        return store.find(documentId)
            .flatMap(d -> grant(user, d.listingKind(), d.listingId())
                .flatMap(g -> shownToAll(d) || g.confidential() ? Mono.just(d)
                    : d.review() != null ? Mono.<DocumentRecord>empty()
                    : mayReadConfidential(user, d.listingKind(), g).filter(ok -> ok).map(ok -> d))
                .onErrorResume(ListingNotFound.class, e -> Mono.empty()));
    }

    /** Owner organisation, brokers and admins; for achievements also organisations with an NDA on a deal for it. */
    private Mono<Boolean> mayReadConfidential(CurrentUser user, ListingKind kind, ListingGrant g) {
        if (g.confidential()) return Mono.just(true);
        if (user.org() == null || kind != ListingKind.ACHIEVEMENT) return Mono.just(false);
        return nda.signed(user.org(), g.id());
    }

    /** Public and not waiting for (or refused by) a review of its listing. */
    private static boolean shownToAll(DocumentRecord d) {
        return d.confidentiality() == Confidentiality.PUBLIC && d.review() == null;
    }

    static boolean extractable(String contentType) {
        return EXTRACTABLE_PREFIXES.stream().anyMatch(contentType::startsWith);
    }

    static DocumentView view(DocumentRecord d) {
        boolean achievement = d.listingKind() == ListingKind.ACHIEVEMENT;
        return new DocumentView(d.id(), achievement ? d.listingId() : null, achievement ? null : d.listingId(), d.filename(), d.contentType(), d.size(), d.sha256(), d.confidentiality(),
            d.uploadedBy(), d.uploadedAt(), d.review());
    }
}
