package io.ttx.brokerage.domain;

import java.util.Objects;

/**
 * Why a command was refused: a stable {@code code} from {@link DealCodes} (the problem body's {@code code}), the kind
 * that decides the status, and an English {@code detail} naming the offending field or fact.
 */
public record DealRejection(String code, RejectionKind kind, String detail) {

    public DealRejection {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    public static DealRejection forbidden(String code, String detail) {
        return new DealRejection(code, RejectionKind.FORBIDDEN, detail);
    }

    public static DealRejection conflict(String code, String detail) {
        return new DealRejection(code, RejectionKind.CONFLICT, detail);
    }

    public static DealRejection unprocessable(String code, String detail) {
        return new DealRejection(code, RejectionKind.UNPROCESSABLE, detail);
    }
}
