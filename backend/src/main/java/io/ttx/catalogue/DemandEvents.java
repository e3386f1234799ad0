package io.ttx.catalogue;

/**
 * The events a technology demand records (module API); see {@link AchievementEvents} for how consumers use them. A
 * demand submitted while review is switched off is published by {@link #SUBMITTED} itself, so a consumer that cares
 * whether a demand is public reads its current state rather than waiting for {@link #PUBLISHED}.
 */
public final class DemandEvents {
    /** The aggregate type of these events: the outbox source over the {@code demands} collection. */
    public static final String AGGREGATE_TYPE = "demand";
    public static final String CREATED = "DemandCreated";
    public static final String EDITED = "DemandEdited";
    public static final String SUBMITTED = "DemandSubmitted";
    public static final String PUBLISHED = "DemandPublished";
    public static final String CHANGES_REQUESTED = "DemandChangesRequested";
    public static final String REJECTED = "DemandRejected";
    public static final String WITHDRAWN = "DemandWithdrawn";
    public static final String RENEWED = "DemandRenewed";
    public static final String EXPIRED = "DemandExpired";

    /** A change of the published demand waits for review (the published content stays). */
    public static final String REVISION_SUBMITTED = "DemandRevisionSubmitted";
    /** A review approved the pending revision: the published content changed. */
    public static final String REVISION_APPROVED = "DemandRevisionApproved";
    /** The pending revision was dropped (review, withdrawal, expiry, or taken back by the owner). */
    public static final String REVISION_DROPPED = "DemandRevisionDropped";

    /**
     * A draft was deleted: it is gone for every reader already, and the capabilities that keep something of it remove
     * that (its documents). The last event of the demand.
     */
    public static final String DELETED = "DemandDeleted";

    private DemandEvents() { }
}
