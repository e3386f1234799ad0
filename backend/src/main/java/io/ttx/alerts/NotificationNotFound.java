package io.ttx.alerts;

import io.ttx.shared.DomainException;

/** No notification with this id addressed to the caller (404). */
public final class NotificationNotFound extends DomainException {
    public NotificationNotFound(String id) {
        super("not-found", Kind.NOT_FOUND, "No notification " + id + ".");
    }
}
