package io.ttx.catalogue;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * What every listing snapshot carries (module API, see {@link ListingSnapshots}): identity, version, owner and
 * lifecycle. {@code status} is as stored: a published listing whose {@code expiresAt} has passed is only marked
 * EXPIRED by the next sweep, so use {@link #liveAt} to decide whether it is shown.
 */
public sealed interface ListingSnapshot permits AchievementSnapshot, DemandSnapshot {
    String id();

    /** Grows with every change: derived copies use it to ignore anything older than what they hold. */
    long version();

    ListingStatus status();

    String ownerOrg();

    @Nullable Instant publishedAt();

    @Nullable Instant expiresAt();

    /** Published and not yet expired at {@code now}: shown to everyone, and what the search index holds. */
    default boolean liveAt(Instant now) {
        Instant expiry = expiresAt();
        return status() == ListingStatus.PUBLISHED && expiry != null && expiry.isAfter(now);
    }
}
