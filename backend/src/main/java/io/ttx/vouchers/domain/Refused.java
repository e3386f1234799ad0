package io.ttx.vouchers.domain;

/** Thrown inside a rule and turned into a {@link Decision.Rejected} by {@link Decision#of}. */
final class Refused extends RuntimeException {
    private final transient VoucherRejection rejection;

    private Refused(VoucherRejection rejection) {
        super(rejection.detail(), null, false, false);
        this.rejection = rejection;
    }

    static Refused forbidden(String code, String detail) {
        return new Refused(new VoucherRejection(code, VoucherRejection.Kind.FORBIDDEN, detail));
    }

    static Refused conflict(String code, String detail) {
        return new Refused(new VoucherRejection(code, VoucherRejection.Kind.CONFLICT, detail));
    }

    static Refused unprocessable(String code, String detail) {
        return new Refused(new VoucherRejection(code, VoucherRejection.Kind.UNPROCESSABLE, detail));
    }

    VoucherRejection rejection() {
        return rejection;
    }
}
