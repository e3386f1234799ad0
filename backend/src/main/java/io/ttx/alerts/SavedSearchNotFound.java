package io.ttx.alerts;

import io.ttx.shared.DomainException;

/** No saved search with this id belonging to the caller (404: other users' saved searches do not exist for you). */
public final class SavedSearchNotFound extends DomainException {
    public SavedSearchNotFound(String id) {
        super("not-found", Kind.NOT_FOUND, "No saved search " + id + ".");
    }
}
