package io.ttx.valuation;

import io.ttx.shared.DomainException;

/** The caller sees the listing but may not value it, score it or read its valuations (403). */
public final class ValuationForbidden extends DomainException {
    public ValuationForbidden(String what) {
        super("forbidden", Kind.FORBIDDEN, what);
    }
}
