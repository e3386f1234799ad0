package io.ttx.catalogue;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** A demand as callers see it (demands carry nothing confidential: everyone who may see one sees all of it). */
public record DemandView(String id, String ownerOrg, ListingStatus status, long version, Instant createdAt, Instant updatedAt,
                         @Nullable Instant publishedAt, @Nullable Instant expiresAt, @JsonUnwrapped DemandInput content,
                         @Nullable PendingRevision<DemandInput> pendingRevision) {
    public String etag() {
        return "\"" + version + "\"";
    }
}
