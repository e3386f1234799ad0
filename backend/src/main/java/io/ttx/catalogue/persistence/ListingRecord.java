package io.ttx.catalogue.persistence;

import io.ttx.catalogue.HistoryEntry;
import io.ttx.catalogue.ListingStatus;
import io.ttx.catalogue.PendingRevision;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * What achievements and demands share as stored listings: identity, owner, lifecycle, trail and pending events
 * around a content record of their own. {@link #next} builds the following version (the rest is copied).
 */
public interface ListingRecord<C extends Record, D extends ListingRecord<C, D>> {
    String id();

    String ownerOrg();

    ListingStatus status();

    long version();

    Instant updatedAt();

    @Nullable Instant publishedAt();

    @Nullable Instant expiresAt();

    C content();

    /** A change of the published content waiting for review, if any. */
    @Nullable PendingRevision<C> pendingRevision();

    List<HistoryEntry> history();

    List<PendingEvent> pendingEvents();

    /** The same version with another pending revision (none when null); the transition then builds the next version. */
    D withRevision(@Nullable PendingRevision<C> revision);

    D next(ListingStatus status, long version, Instant updatedAt, @Nullable Instant publishedAt, @Nullable Instant expiresAt,
           C content, List<HistoryEntry> history, List<PendingEvent> pendingEvents);
}
