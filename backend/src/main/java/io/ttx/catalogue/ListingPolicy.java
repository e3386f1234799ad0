package io.ttx.catalogue;

import io.ttx.catalogue.persistence.ListingRecord;
import io.ttx.identity.CurrentUser;
import io.ttx.identity.Role;

import java.time.Instant;

/**
 * What differs between kinds of listing (achievements, demands) inside the one lifecycle of {@link ListingLifecycle}:
 * names, owning roles, content rules, review, expiry, derived fields and views. Implementations hold no state of their own
 * and never call back into the lifecycle.
 */
interface ListingPolicy<C extends Record, D extends ListingRecord<C, D>, V> {
    /** The aggregate name that prefixes event types, e.g. {@code Achievement}. */
    String aggregate();

    /** The prefix of new ids, e.g. {@code ach}. */
    String idPrefix();

    /** The roles of the owning organisation's staff that may change a listing. */
    Role[] ownerRoles();

    /** Whether submission goes through review (else it publishes directly). */
    boolean reviewRequired();

    /** The content after the kind's rules (normalised), or a {@link RuleViolations} naming every problem. */
    C check(C content, String ownerOrg, Instant now);

    /** A new, unsaved listing at version 0 with no trail and no events: creation is a transition from it. */
    D blank(String id, String ownerOrg, String createdBy, Instant now, C content);

    /** When a listing (re)published now expires. */
    Instant expiry(D d, Instant now);

    /** A kind's own precondition for a lifecycle step (after the access checks, before the transition). */
    default void checkTransition(D d, ListingAction action, Instant now) {
        // none by default
    }

    /**
     * {@code published} with the fields of {@code proposed} that apply at once even to a published listing whose
     * changes are reviewed: those the public never sees (an achievement's contact and encumbrances).
     */
    C withImmediate(C published, C proposed);

    /** What {@code user} sees of a listing in its effective {@code status}. */
    V view(CurrentUser user, D d, ListingStatus status);

    /** Fields derived from the content, kept in the same write (e.g. a price duplicated for range queries). */
    default D derive(D d) {
        return d;
    }
}
