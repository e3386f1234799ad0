package io.ttx.catalogue;

import org.jspecify.annotations.Nullable;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static io.ttx.catalogue.ListingAction.*;

/**
 * The lifecycle of a listing (achievement or demand): draft -> under review -> published | rectification required |
 * rejected; published listings expire and can be renewed without review; withdrawal ends any open listing. A demand
 * whose review is switched off is published directly on submission. An achievement whose rights were assigned in a
 * signed deal is TRANSFERRED: still readable, no longer offered (out of search, no new deals, nothing to change).
 */
public enum ListingStatus {
    DRAFT, UNDER_REVIEW, RECTIFICATION_REQUIRED, PUBLISHED, REJECTED, WITHDRAWN, EXPIRED, TRANSFERRED;

    private static final Map<ListingStatus, Set<ListingAction>> ALLOWED = Map.of(
        DRAFT, EnumSet.of(EDIT, SUBMIT, WITHDRAW, DELETE, PRICE_HINT),
        UNDER_REVIEW, EnumSet.of(APPROVE, REQUEST_CHANGES, REJECT, WITHDRAW, PRICE_HINT),
        RECTIFICATION_REQUIRED, EnumSet.of(EDIT, SUBMIT, WITHDRAW, PRICE_HINT),
        PUBLISHED, EnumSet.of(EDIT, WITHDRAW, RENEW, EXPIRE, PRICE_HINT, REVISION_SUBMITTED, REVISION_APPROVED, REVISION_DROPPED, TRANSFER),
        EXPIRED, EnumSet.of(RENEW, WITHDRAW, PRICE_HINT, TRANSFER),
        REJECTED, EnumSet.noneOf(ListingAction.class),
        WITHDRAWN, EnumSet.noneOf(ListingAction.class),
        TRANSFERRED, EnumSet.noneOf(ListingAction.class));

    public boolean allows(ListingAction action) {
        return ALLOWED.get(this).contains(action);
    }

    /**
     * The status after {@code action} applied to a listing in status {@code from}, where {@code null} stands for a
     * listing that does not exist yet (only CREATE applies, giving DRAFT); {@link IllegalTransition} when the table
     * does not allow the action.
     */
    public static ListingStatus next(@Nullable ListingStatus from, ListingAction action, boolean reviewRequired, String id) {
        if (from != null) return from.after(action, reviewRequired, id);
        if (action != CREATE) throw new IllegalTransition(id, DRAFT, action);
        return DRAFT;
    }

    /** The status after {@code action}, or {@link IllegalTransition} when the action is not allowed now. */
    public ListingStatus after(ListingAction action, boolean reviewRequired, String id) {
        if (!allows(action)) throw new IllegalTransition(id, this, action);
        return switch (action) {
            case SUBMIT -> reviewRequired ? UNDER_REVIEW : PUBLISHED;
            case APPROVE, RENEW -> PUBLISHED;
            case REQUEST_CHANGES -> RECTIFICATION_REQUIRED;
            case REJECT -> REJECTED;
            case WITHDRAW, DELETE -> WITHDRAWN;
            case EXPIRE -> EXPIRED;
            case TRANSFER -> TRANSFERRED;
            case CREATE, EDIT, PRICE_HINT, REVISION_SUBMITTED, REVISION_APPROVED, REVISION_DROPPED -> this;
        };
    }

    /** Whether the listing is shown to everyone (and searchable). */
    public boolean isPublic() {
        return this == PUBLISHED;
    }

    /** Whether every authenticated caller may read the listing: public ones, and achievements transferred in a deal. */
    public boolean isReadableByAll() {
        return this == PUBLISHED || this == TRANSFERRED;
    }
}
