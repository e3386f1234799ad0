package io.ttx.catalogue;

import io.ttx.shared.DomainException;

/** No listing with this id that the caller may see (404: hidden drafts look exactly like missing ones). */
public final class ListingNotFound extends DomainException {
    public ListingNotFound(String id) {
        super("not-found", Kind.NOT_FOUND, "No listing " + id + ".");
    }
}
