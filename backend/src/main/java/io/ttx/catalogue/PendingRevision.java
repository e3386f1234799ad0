package io.ttx.catalogue;

import java.time.Instant;

/**
 * A change to a published listing waiting for review (module API, shown to the owner and reviewers only): the whole
 * content as it would be published after approval. Everyone else keeps seeing and searching the published content.
 *
 * @param submittedAt when the owner last changed the revision
 * @param version     the listing's version when it was last changed
 */
public record PendingRevision<C>(RevisionStatus status, C content, Instant submittedAt, long version) {
    /** What a pending revision can be in; only one so far, as a revision that is decided is applied or dropped. */
    public enum RevisionStatus { UNDER_REVIEW }
}
