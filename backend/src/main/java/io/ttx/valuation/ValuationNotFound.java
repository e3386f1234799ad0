package io.ttx.valuation;

import io.ttx.shared.DomainException;

/** No valuation with this id that the caller may see (404; a valuation of a hidden listing looks missing too). */
public final class ValuationNotFound extends DomainException {
    public ValuationNotFound(String id) {
        super("not-found", Kind.NOT_FOUND, "No valuation " + id + ".");
    }
}
