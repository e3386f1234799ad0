package io.ttx.documents;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A document's metadata as clients see it (the bytes are fetched through a short-lived presigned URL); {@code review}
 * only on a public document that waits for, or was refused by, the review of its published listing.
 */
public record DocumentView(String id, @Nullable String achievementId, @Nullable String demandId, String filename, String contentType, long size, String sha256,
                           Confidentiality confidentiality, String uploadedBy, Instant uploadedAt, @Nullable DocumentReview review) { }
