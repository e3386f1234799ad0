package io.ttx.brokerage;

import io.ttx.brokerage.domain.RoomSide;
import io.ttx.documents.RoomDocumentView;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A document of a deal's room as the room's readers see it: always confidential to the deal, never indexed. The bytes
 * come from {@code GET /api/v1/documents/{id}/content} (a short-lived presigned URL).
 *
 * @param uploadedBy the subject who uploaded it
 * @param org        its organisation
 * @param side       the side it spoke for
 */
public record DealRoomDocumentView(String id, String dealId, String filename, String contentType, long size, String sha256, String uploadedBy,
                                   @Nullable String org, RoomSide side, Instant uploadedAt) {

    static DealRoomDocumentView of(RoomDocumentView d) {
        return new DealRoomDocumentView(d.id(), d.room().id(), d.filename(), d.contentType(), d.size(), d.sha256(), d.uploadedBy(),
            d.uploaderOrg(), RoomSide.valueOf(d.party()), d.uploadedAt());
    }
}
