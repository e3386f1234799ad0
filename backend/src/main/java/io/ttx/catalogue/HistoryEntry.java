package io.ttx.catalogue;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * One step of a listing's append-only trail: who (subject and organisation), when, what, the status before and
 * after, the reviewer's or owner's note, and for edits the fields that changed.
 */
public record HistoryEntry(Instant at, String by, @Nullable String org, ListingAction action, @Nullable ListingStatus from,
                           ListingStatus to, @Nullable String note, @Nullable List<String> changedFields) { }
