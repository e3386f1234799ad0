package io.ttx.catalogue;

import io.ttx.catalogue.PendingRevision.RevisionStatus;
import io.ttx.catalogue.persistence.ListingRecord;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * How edits, reviews and new public documents of a published listing become revisions: while a listing is published
 * and its kind reviews changes, what the public sees changes only through a review. Fields the public never sees
 * (contact, encumbrances) apply at once. Each plan is computed on the listing as read; the lifecycle writes it.
 */
final class Revisions {
    private Revisions() { }

    /** What one change does: the action to record, the listing it applies to (revision set or cleared), the content after it. */
    record Step<C, D>(ListingAction action, D listing, C content) {
        static <C extends Record, D extends ListingRecord<C, D>> Step<C, D> of(ListingAction action, D d) {
            return new Step<>(action, d, d.content());
        }
    }

    /** Plans a change of a listing read in effective status {@code from}; null when there is nothing to write. */
    interface Plan<C, D> {
        @Nullable Step<C, D> of(D current, ListingStatus from, Instant now);
    }

    /** An edit: applied at once, except the public part of an edit of a published, reviewed listing. */
    static <C extends Record, D extends ListingRecord<C, D>> Plan<C, D> edit(ListingPolicy<C, D, ?> policy, UnaryOperator<C> patch, String id) {
        return (d, from, now) -> {
            from.after(ListingAction.EDIT, policy.reviewRequired(), id); // 409 comes before the content rules' 422
            boolean reviewed = from == ListingStatus.PUBLISHED && policy.reviewRequired();
            PendingRevision<C> pending = reviewed ? d.pendingRevision() : null;
            C proposed = policy.check(patch.apply(pending != null ? pending.content() : d.content()), d.ownerOrg(), now);
            if (!reviewed) return new Step<>(ListingAction.EDIT, d, proposed);
            C published = policy.withImmediate(d.content(), proposed);
            if (published.equals(proposed)) {
                // nothing the public sees differs (any longer): a revision taken back is dropped
                return pending == null ? new Step<>(ListingAction.EDIT, d, published)
                    : new Step<>(ListingAction.REVISION_DROPPED, d.withRevision(null), published);
            }
            PendingRevision<C> revision = new PendingRevision<>(RevisionStatus.UNDER_REVIEW, proposed, now, d.version() + 1);
            return new Step<>(ListingAction.REVISION_SUBMITTED, d.withRevision(revision), published);
        };
    }

    /** A reviewer's decision: on a listing under review as before; on a published one, about its pending revision. */
    static <C extends Record, D extends ListingRecord<C, D>> Plan<C, D> review(ListingAction decision, String id) {
        return (d, from, now) -> {
            if (from != ListingStatus.PUBLISHED) return Step.of(decision, d);
            PendingRevision<C> pending = d.pendingRevision();
            if (pending == null) throw new IllegalTransition(id, from, decision); // nothing waits for a review
            return decision == ListingAction.APPROVE
                ? new Step<>(ListingAction.REVISION_APPROVED, d.withRevision(null), pending.content())
                : new Step<>(ListingAction.REVISION_DROPPED, d.withRevision(null), d.content());
        };
    }

    /**
     * A public document added to a published, reviewed listing waits for the listing's next review: the listing gets a
     * revision (the current one, or its content as published) so that reviewers find it. Nothing to write otherwise.
     */
    static <C extends Record, D extends ListingRecord<C, D>> Plan<C, D> document(ListingPolicy<C, D, ?> policy) {
        return (d, from, now) -> {
            if (from != ListingStatus.PUBLISHED || !policy.reviewRequired()) return null;
            C content = d.pendingRevision() != null ? d.pendingRevision().content() : d.content();
            PendingRevision<C> revision = new PendingRevision<>(RevisionStatus.UNDER_REVIEW, content, now, d.version() + 1);
            return new Step<>(ListingAction.REVISION_SUBMITTED, d.withRevision(revision), d.content());
        };
    }
}
