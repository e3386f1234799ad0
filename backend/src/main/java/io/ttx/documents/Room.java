package io.ttx.documents;

import java.util.Objects;

/** A room that holds documents: its kind and the id its owning capability gave it (a deal id), opaque to this module. */
public record Room(RoomKind kind, String id) {
    public Room {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }
}
