package io.ttx.catalogue;

/**
 * The events an achievement records (module API), one per lifecycle step. Other capabilities react to them through
 * the outbox ({@code OutboxConsumer.of(name, AchievementEvents.AGGREGATE_TYPE, ...)}) and compare an event's type with these
 * names rather than repeating string literals. The names are stored in the documents' pending events, so they never
 * change; {@code ListingEventNamesTests} pins them to what the lifecycle writes ({@link ListingAction#eventType}).
 */
public final class AchievementEvents {
    /** The aggregate type of these events: the outbox source over the {@code achievements} collection. */
    public static final String AGGREGATE_TYPE = "achievement";
    public static final String CREATED = "AchievementCreated";
    /** Content changed (also of a published achievement, which stays published). */
    public static final String EDITED = "AchievementEdited";
    public static final String SUBMITTED = "AchievementSubmitted";
    /** Approved after review: the only event that makes an achievement public for the first time (renewals do not). */
    public static final String PUBLISHED = "AchievementPublished";
    public static final String CHANGES_REQUESTED = "AchievementChangesRequested";
    public static final String REJECTED = "AchievementRejected";
    public static final String WITHDRAWN = "AchievementWithdrawn";
    public static final String RENEWED = "AchievementRenewed";
    public static final String EXPIRED = "AchievementExpired";
    /** A valuation's range became the achievement's public price hint. */
    public static final String PRICE_HINT_PUBLISHED = "AchievementPriceHintPublished";

    /** A change of the published achievement waits for review (the published content stays). */
    public static final String REVISION_SUBMITTED = "AchievementRevisionSubmitted";
    /** A review approved the pending revision: the published content changed. */
    public static final String REVISION_APPROVED = "AchievementRevisionApproved";
    /** The pending revision was dropped (review, withdrawal, expiry, or taken back by the owner). */
    public static final String REVISION_DROPPED = "AchievementRevisionDropped";

    /** A signed deal assigned the achievement (brokerage): TRANSFERRED, out of search, no new deals. */
    public static final String TRANSFERRED = "AchievementTransferred";

    /**
     * A draft was deleted: it is gone for every reader already, and the capabilities that keep something of it remove
     * that (its documents). The last event of the achievement.
     */
    public static final String DELETED = "AchievementDeleted";

    private AchievementEvents() { }
}
