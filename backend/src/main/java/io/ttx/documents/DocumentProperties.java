package io.ttx.documents;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * @param maxSize           largest document (413 above; from Content-Length when sent, else while streaming)
 * @param partSize          S3 multipart part size (5 MB at least, S3's smallest part): heap use per upload stays within a few of these
 * @param presignTtl        lifetime of a download URL (S3 signs for at most 7 days)
 * @param publicEndpoint    S3 endpoint as browsers reach it, when it differs from the backend's (presigned URLs)
 * @param allowedTypes      detected media types accepted (others 415); a trailing '*' matches a prefix
 * @param textLimit         most characters of text extracted from one public document
 * @param listingTextLimit  most extracted text (UTF-8) given to the search index for one listing, all documents together
 * @param extractionTimeout longest time the extraction process may spend on one document (it is killed then)
 * @param extractionHeap    heap of the extraction process (-Xmx); a document needing more fails
 * @param orphanAge         objects without metadata older than this are removed by the sweep
 * @param sweepInterval     how often the orphan sweep runs
 */
@Validated
@ConfigurationProperties("ttx.documents")
public record DocumentProperties(DataSize maxSize, DataSize partSize,
                                 @DurationMin(seconds = 1) @DurationMax(days = 7) Duration presignTtl, @Nullable URI publicEndpoint,
                                 @NotEmpty List<String> allowedTypes, @Positive int textLimit, DataSize listingTextLimit,
                                 @DurationMin(millis = 1) Duration extractionTimeout, DataSize extractionHeap,
                                 @DurationMin(millis = 1) Duration orphanAge, @DurationMin(millis = 1) Duration sweepInterval) {
    private static final DataSize SMALLEST_HEAP = DataSize.ofMegabytes(32);
    private static final DataSize SMALLEST_PART = DataSize.ofMegabytes(5);

    public DocumentProperties {
        if (maxSize == null) maxSize = DataSize.ofMegabytes(100);
        if (partSize == null) partSize = DataSize.ofMegabytes(5);
        if (presignTtl == null) presignTtl = Duration.ofMinutes(5);
        if (allowedTypes == null || allowedTypes.isEmpty()) allowedTypes = List.of("application/pdf", "application/msword",
            "application/vnd.openxmlformats-officedocument.*", "application/vnd.ms-excel", "application/vnd.ms-powerpoint",
            "application/vnd.oasis.opendocument.*", "image/png", "image/jpeg", "image/gif", "image/webp", "text/plain", "application/zip");
        if (textLimit <= 0) textLimit = 1_000_000;
        if (listingTextLimit == null) listingTextLimit = DataSize.ofMegabytes(1);
        if (extractionTimeout == null) extractionTimeout = Duration.ofSeconds(30);
        if (extractionHeap == null) extractionHeap = DataSize.ofMegabytes(256);
        if (orphanAge == null) orphanAge = Duration.ofHours(1);
        if (sweepInterval == null) sweepInterval = Duration.ofMinutes(10);
    }

    @AssertTrue(message = "maxSize must be positive")
    boolean isMaxSizePositive() {
        return maxSize.toBytes() > 0;
    }

    @AssertTrue(message = "listingTextLimit must be positive and extractionHeap at least 32MB")
    boolean isTextBoundsSensible() {
        return listingTextLimit.toBytes() > 0 && extractionHeap.compareTo(SMALLEST_HEAP) >= 0;
    }

    @AssertTrue(message = "partSize must be at least 5MB (the smallest S3 multipart part)")
    boolean isPartSizeAtLeastTheSmallestPart() {
        return partSize.compareTo(SMALLEST_PART) >= 0;
    }

    /** The body limit of an upload route: the largest document plus 64 KB for the multipart envelope. */
    public DataSize uploadBodyLimit() {
        return DataSize.ofBytes(maxSize.toBytes() + 64 * 1024);
    }

    public boolean allows(String mediaType) {
        for (String a : allowedTypes) {
            if (a.endsWith("*") ? mediaType.startsWith(a.substring(0, a.length() - 1)) : a.equals(mediaType)) return true;
        }
        return false;
    }
}
