package io.ttx.brokerage;

import io.ttx.brokerage.domain.DealRejection;
import io.ttx.shared.DomainException;

/** A deal rule broken (the domain's rejection, or one this capability checks), rendered as a problem with its code. */
public final class DealProblem extends DomainException {
    DealProblem(String code, Kind kind, String message) {
        super(code, kind, message);
    }

    static DealProblem of(DealRejection r) {
        Kind kind = switch (r.kind()) {
            case FORBIDDEN -> Kind.FORBIDDEN;
            case CONFLICT -> Kind.CONFLICT;
            case UNPROCESSABLE -> Kind.INVALID;
        };
        return new DealProblem(r.code(), kind, r.detail());
    }

    static DealProblem notFound(String id) {
        return new DealProblem("not-found", Kind.NOT_FOUND, "No deal " + id + ".");
    }

    static DealProblem notFoundAchievement(String id) {
        return new DealProblem("not-found", Kind.NOT_FOUND, "No achievement " + id + ".");
    }

    static DealProblem conflict(String code, String message) {
        return new DealProblem(code, Kind.CONFLICT, message);
    }

    static DealProblem invalid(String code, String message) {
        return new DealProblem(code, Kind.INVALID, message);
    }

    static DealProblem stale(String id, long current) {
        return new DealProblem("precondition-failed", Kind.PRECONDITION_FAILED,
            "Deal " + id + " has changed (now version " + current + "); fetch it again and decide again.");
    }

    static DealProblem ifMatchMissing() {
        return new DealProblem("precondition-required", Kind.PRECONDITION_REQUIRED, "Send If-Match with the ETag of the deal.");
    }
}
