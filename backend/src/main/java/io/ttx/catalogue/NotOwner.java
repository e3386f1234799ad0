package io.ttx.catalogue;

import io.ttx.shared.DomainException;

/** The caller sees the listing but does not act for the organisation that owns it, or lacks the role (403). */
public final class NotOwner extends DomainException {
    public NotOwner(String what) {
        super("forbidden", Kind.FORBIDDEN, what);
    }
}
