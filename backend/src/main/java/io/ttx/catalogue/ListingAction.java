package io.ttx.catalogue;

/** What can happen to a listing; each maps to one past-tense event name. */
public enum ListingAction {
    CREATE("Created"), EDIT("Edited"), SUBMIT("Submitted"), APPROVE("Published"), REQUEST_CHANGES("ChangesRequested"),
    REJECT("Rejected"), WITHDRAW("Withdrawn"), RENEW("Renewed"), EXPIRE("Expired"), DELETE("Deleted"),
    PRICE_HINT("PriceHintPublished"),
    /** A change to a published listing, kept aside until a review (the published content stays as it is). */
    REVISION_SUBMITTED("RevisionSubmitted"),
    /** A review approved the pending revision: it became the published content. */
    REVISION_APPROVED("RevisionApproved"),
    /** The pending revision was dropped: by a review (changes requested, rejected), withdrawal, expiry or an edit back. */
    REVISION_DROPPED("RevisionDropped"),
    /** A signed deal assigned the achievement's rights to its buyer (brokerage): the listing is no longer offered. */
    TRANSFER("Transferred");

    private final String event;

    ListingAction(String event) {
        this.event = event;
    }

    /** Whether this is a reviewer's decision (brokers and admins) rather than an owner's step. */
    public boolean isReview() {
        return this == APPROVE || this == REQUEST_CHANGES || this == REJECT;
    }

    /** The event type for an aggregate, e.g. {@code AchievementPublished}. */
    public String eventType(String aggregate) {
        return aggregate + event;
    }
}
