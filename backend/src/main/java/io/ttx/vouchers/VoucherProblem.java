package io.ttx.vouchers;

import io.ttx.shared.DomainException;
import io.ttx.vouchers.domain.Decision;
import io.ttx.vouchers.domain.VoucherRejection;

/** A voucher rule broken, rendered as a problem with its code. */
public final class VoucherProblem extends DomainException {
    VoucherProblem(String code, Kind kind, String message) {
        super(code, kind, message);
    }

    static VoucherProblem of(VoucherRejection r) {
        Kind kind = switch (r.kind()) {
            case FORBIDDEN -> Kind.FORBIDDEN;
            case CONFLICT -> Kind.CONFLICT;
            case UNPROCESSABLE -> Kind.INVALID;
        };
        return new VoucherProblem(r.code(), kind, r.detail());
    }

    static VoucherProblem notFound(String what, String id) {
        return new VoucherProblem("not-found", Kind.NOT_FOUND, "No " + what + " " + id + ".");
    }

    static VoucherProblem changed(String what) {
        return new VoucherProblem("precondition-failed", Kind.CONFLICT, "The " + what + " changed meanwhile; fetch it again.");
    }

    static VoucherProblem forbidden(String message) {
        return new VoucherProblem("forbidden", Kind.FORBIDDEN, message);
    }

    static VoucherProblem busy() {
        return new VoucherProblem("voucher-busy", Kind.UNAVAILABLE, "Too many changes at once; try again.");
    }

    static <T> T decided(Decision<T> d) {
        return switch (d) {
            case Decision.Accepted<T> a -> a.value();
            case Decision.Rejected<T> r -> throw of(r.rejection());
        };
    }
}
