package io.ttx.catalogue;

import io.ttx.catalogue.PendingRevision.RevisionStatus;
import io.ttx.catalogue.persistence.ListingRecord;
import io.ttx.identity.CurrentUser;
import io.ttx.shared.jobs.Fence;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The operations every kind of listing offers (module API), each delegated to its {@link ListingLifecycle}: create,
 * read, edit and move listings through their lifecycle; every change is one conditional write of one document carrying
 * its trail entry and event. Route rules decide which roles may call each operation; the lifecycle decides what the
 * record says (owner organisation, visibility, status, version). Subclasses add operations, never hooks.
 */
public abstract class ListingCatalogue<C extends Record, D extends ListingRecord<C, D>, V> {
    final ListingLifecycle<C, D, V> lifecycle;

    ListingCatalogue(ListingLifecycle<C, D, V> lifecycle) {
        this.lifecycle = lifecycle;
    }

    public Mono<V> create(CurrentUser user, C input) {
        return lifecycle.create(user, input);
    }

    public Mono<V> get(CurrentUser user, String id) {
        return lifecycle.get(user, id);
    }

    /** Applies an edit: {@code patch} turns the current content into the new one (merge patch applied by the web layer). */
    public Mono<V> edit(CurrentUser user, String id, @Nullable Long ifMatch, UnaryOperator<C> patch) {
        return lifecycle.edit(user, id, ifMatch, patch);
    }

    public Mono<V> step(CurrentUser user, String id, @Nullable Long ifMatch, ListingAction action, @Nullable String note) {
        return lifecycle.step(user, id, ifMatch, action, note);
    }

    /**
     * The caller organisation's listings ({@code mine}), or, for brokers, evaluators, auditors and admins, every
     * organisation's (the review queue is {@code status=UNDER_REVIEW}). Newest first, {@code size} per page.
     */
    public Mono<ListingPage<V>> list(CurrentUser user, boolean mine, List<ListingStatus> statuses, @Nullable String after, int size) {
        return lifecycle.page(user, mine, statuses, null, after, size);
    }

    /** As {@link #list}, only listings with a pending revision in {@code revision} (the reviewers' queue of changes). */
    public Mono<ListingPage<V>> list(CurrentUser user, boolean mine, List<ListingStatus> statuses, @Nullable RevisionStatus revision,
                                     @Nullable String after, int size) {
        return lifecycle.page(user, mine, statuses, revision, after, size);
    }

    /**
     * Called before a public document is added to a listing: true when the document must wait for a review of the
     * listing (a published listing whose changes are reviewed, which then shows a pending revision to its reviewers);
     * false, with nothing written, otherwise. Only the owner organisation's staff may add documents (403).
     */
    public Mono<Boolean> submitDocumentForReview(CurrentUser user, String id, String filename) {
        return lifecycle.submitDocument(user, id, "new public document " + filename);
    }

    /** The caller's grant on a listing it can see (404 when it cannot). */
    public Mono<ListingGrant> grant(CurrentUser user, String id) {
        return lifecycle.grant(user, id);
    }

    public Mono<List<HistoryEntry>> history(CurrentUser user, String id) {
        return lifecycle.history(user, id);
    }

    /** Deletes a draft (409 in any other status). */
    public Mono<Void> delete(CurrentUser user, String id, long ifMatch) {
        return lifecycle.delete(user, id, ifMatch);
    }

    /** Marks published listings whose validity ended as EXPIRED (with their event; each write fenced); returns how many. */
    public Mono<Long> expireDue(Fence fence) {
        return lifecycle.expireDue(fence);
    }
}
