package io.ttx.vouchers.domain;

import java.util.Objects;

/** A broken voucher rule: a stable code, how it is answered, and a message. */
public record VoucherRejection(String code, Kind kind, String detail) {
    /** FORBIDDEN 403, CONFLICT 409, UNPROCESSABLE 422. */
    public enum Kind { FORBIDDEN, CONFLICT, UNPROCESSABLE }

    public VoucherRejection {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }
}
