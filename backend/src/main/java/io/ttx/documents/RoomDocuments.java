package io.ttx.documents;

import io.ttx.documents.Documents.StoredObject;
import io.ttx.documents.persistence.RoomDocumentRecord;
import io.ttx.documents.persistence.RoomDocumentStore;
import io.ttx.identity.CurrentUser;
import io.ttx.shared.Ids;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Documents of rooms that other capabilities own, such as deal rooms (module API). The owner decides who may list and
 * add documents and calls this module afterwards (uploads go through {@link Uploads#upload(Room, Uploader,
 * reactor.core.publisher.Flux)} with the same streaming, bounds, type sniffing and SHA-256 as a listing's documents).
 * A room document is confidential to its room: no text extraction, no events, never indexed; a download by its id asks
 * the room's owner through its {@link RoomAccess} port. Room documents cannot be deleted: they are part of the room's
 * record.
 */
@Service
public class RoomDocuments {
    private final RoomDocumentStore store;
    private final DocumentRemoval removal;
    private final Map<RoomKind, RoomAccess> access = new EnumMap<>(RoomKind.class);
    private final Clock clock;

    RoomDocuments(RoomDocumentStore store, DocumentRemoval removal, List<RoomAccess> ports, Clock clock) {
        this.store = store;
        this.removal = removal;
        this.clock = clock;
        ports.forEach(p -> access.put(p.kind(), p));
    }

    /** A room's documents, oldest first, at most {@code limit} (the owner's bound on a room); the caller checked the reader. */
    public Flux<RoomDocumentView> list(Room room, int limit) {
        return store.ofRoom(room.kind(), room.id(), limit).map(RoomDocuments::view);
    }

    /** Names the object of an upload to the room. */
    StoredObject prepare(Room room) {
        String id = Ids.next("doc", clock.instant());
        return new StoredObject(id, room.kind().segment() + "/" + room.id() + "/" + id, "", "", 0, "");
    }

    /** Writes the metadata of a stored object; on failure removes the object so that nothing is orphaned. */
    Mono<RoomDocumentView> register(Room room, Uploader uploader, StoredObject stored) {
        RoomDocumentRecord r = new RoomDocumentRecord(stored.documentId(), room.kind(), room.id(), stored.objectKey(), stored.filename(),
            stored.contentType(), stored.size(), stored.sha256(), uploader.subject(), uploader.org(), uploader.party(), clock.instant());
        return store.insert(r)
            .onErrorResume(e -> removal.discard(stored.objectKey()).then(Mono.error(e)))
            .map(RoomDocuments::view);
    }

    /** The room document if the room's owner lets the caller read it; empty when there is none or it may not. */
    Mono<StoredObject> readable(CurrentUser user, String documentId) {
        return store.find(documentId).filterWhen(d -> {
            RoomAccess owner = access.get(d.roomKind());
            return owner == null ? Mono.just(false) : owner.mayRead(user, d.roomId());
        }).map(d -> new StoredObject(d.id(), d.objectKey(), d.filename(), d.contentType(), d.size(), d.sha256()));
    }

    private static RoomDocumentView view(RoomDocumentRecord d) {
        return new RoomDocumentView(d.id(), new Room(d.roomKind(), d.roomId()), d.filename(), d.contentType(), d.size(), d.sha256(),
            d.uploadedBy(), d.uploaderOrg(), d.party(), d.uploadedAt());
    }
}
