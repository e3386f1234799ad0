package io.ttx.documents;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** A room document's metadata (always confidential to its room; the bytes come through a presigned URL). */
public record RoomDocumentView(String id, Room room, String filename, String contentType, long size, String sha256, String uploadedBy,
                               @Nullable String uploaderOrg, String party, Instant uploadedAt) { }
