package io.ttx.documents;

import io.ttx.identity.CurrentUser;
import reactor.core.publisher.Mono;

/**
 * Port: whether a caller may read the documents of a room, answered by the capability that owns rooms of that kind
 * (the brokerage for deal rooms). This module asks it when a room document is downloaded by its id; everything else
 * about a room (listing, uploading, while which stage) the owner checks before it calls {@link RoomDocuments} or
 * {@link Uploads}. A kind nobody answers is readable by nobody.
 */
public interface RoomAccess {
    RoomKind kind();

    /** True when the caller may see the room's documents; false (never an error) for anyone else. */
    Mono<Boolean> mayRead(CurrentUser user, String roomId);
}
