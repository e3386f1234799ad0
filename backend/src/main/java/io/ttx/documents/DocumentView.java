package io.ttx.documents;

import java.time.Instant;

/** A document's metadata as clients see it (the bytes are fetched through a short-lived presigned URL). */
public record DocumentView(String id, String achievementId, String filename, String contentType, long size, String sha256,
                           Confidentiality confidentiality, String uploadedBy, Instant uploadedAt) { }
