package io.ttx.documents.persistence;

import io.ttx.documents.Confidentiality;
import io.ttx.documents.DocumentReview;
import io.ttx.documents.ListingKind;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * A document's metadata, its extracted text (public PDF/Office documents only) and its pending events. Written only
 * after its object is stored; marked deleted before its object is removed, so metadata never points at nothing for
 * long, and removed once its {@code DocumentDeleted} event was delivered. {@code review}
 * is set while a public document waits for (or was refused by) the review of its published listing.
 */
@Document("documents")
public record DocumentRecord(@Id String id, ListingKind listingKind, String listingId, String ownerOrg, String objectKey, String filename,
                             String contentType, long size, String sha256, Confidentiality confidentiality, String uploadedBy,
                             Instant uploadedAt, TextStatus textStatus, @Nullable String text, @Nullable DocumentReview review,
                             List<DocumentEvent> pendingEvents) {

    public DocumentRecord withReview(@Nullable DocumentReview state) {
        return new DocumentRecord(id, listingKind, listingId, ownerOrg, objectKey, filename, contentType, size, sha256, confidentiality,
            uploadedBy, uploadedAt, textStatus, text, state, pendingEvents);
    }

    /** Whether searchable text is (to be) extracted. */
    public enum TextStatus { NOT_APPLICABLE, PENDING, EXTRACTED, FAILED }

    /** An event waiting for the outbox relay (same shape as the catalogue's). */
    public record DocumentEvent(String id, String type, long version, Instant at) { }
}
