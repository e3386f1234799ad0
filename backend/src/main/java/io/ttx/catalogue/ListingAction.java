package io.ttx.catalogue;

/** What can happen to a listing; each maps to one past-tense event name. */
public enum ListingAction {
    CREATE("Created"), EDIT("Edited"), SUBMIT("Submitted"), APPROVE("Published"), REQUEST_CHANGES("ChangesRequested"),
    REJECT("Rejected"), WITHDRAW("Withdrawn"), RENEW("Renewed"), EXPIRE("Expired"), DELETE("Deleted"),
    PRICE_HINT("PriceHintPublished");

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
