package io.ttx.catalogue;

import io.ttx.shared.DomainException;

import java.util.Map;

/** An action the listing's current status does not allow (409). */
public final class IllegalTransition extends DomainException {
    private final ListingStatus status;

    public IllegalTransition(String id, ListingStatus status, ListingAction action) {
        super("illegal-transition", Kind.CONFLICT, "Listing " + id + " is " + status + ": " + action + " is not possible now.");
        this.status = status;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("currentStatus", status.name());
    }
}
