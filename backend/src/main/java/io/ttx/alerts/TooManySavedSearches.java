package io.ttx.alerts;

import io.ttx.shared.DomainException;

/** The caller already keeps the maximum number of saved searches (409 {@code too-many-saved-searches}). */
public final class TooManySavedSearches extends DomainException {
    public TooManySavedSearches(int max) {
        super("too-many-saved-searches", Kind.CONFLICT, "You already keep " + max + " saved searches; delete one first.");
    }
}
