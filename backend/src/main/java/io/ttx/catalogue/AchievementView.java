package io.ttx.catalogue;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * An achievement as a caller sees it: the full record for the owner organisation, brokers, evaluators, auditors and
 * admins; the public view (contact and encumbrances hidden) for everyone else, and only while published. A change of a
 * published achievement waiting for review ({@code pendingRevision}) is shown to the owner and reviewers only.
 */
public record AchievementView(String id, String ownerOrg, ListingStatus status, long version, Instant createdAt,
                              Instant updatedAt, @Nullable Instant publishedAt, @Nullable Instant expiresAt,
                              @Nullable PriceHint priceHint, @JsonUnwrapped AchievementInput content,
                              @Nullable PendingRevision<AchievementInput> pendingRevision) {

    /** The ETag of this version (strong: any change bumps the version). */
    public String etag() {
        return "\"" + version + "\"";
    }
}
