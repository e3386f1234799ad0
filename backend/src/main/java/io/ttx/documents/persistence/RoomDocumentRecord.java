package io.ttx.documents.persistence;

import io.ttx.documents.RoomKind;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * The metadata of a document in a room (a deal room): written only after its object is stored, like a listing's
 * document. It records no events, has no text and no confidentiality level: a room document is never extracted,
 * indexed or shown outside its room, so nothing downstream of the documents collection ever sees it.
 */
@Document("room_documents")
public record RoomDocumentRecord(@Id String id, RoomKind roomKind, String roomId, String objectKey, String filename, String contentType,
                                 long size, String sha256, String uploadedBy, @Nullable String uploaderOrg, String party,
                                 Instant uploadedAt) { }
