package io.ttx.vouchers.domain;

import java.util.Objects;
import java.util.function.Supplier;

/** The outcome of a voucher rule: the next state, or a stable problem with nothing changed. */
public sealed interface Decision<T> {
    record Accepted<T>(T value) implements Decision<T> {
        public Accepted {
            Objects.requireNonNull(value, "value");
        }
    }

    record Rejected<T>(VoucherRejection rejection) implements Decision<T> {
        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
        }
    }

    static <T> Decision<T> of(Supplier<T> rule) {
        try {
            return new Accepted<>(rule.get());
        } catch (Refused refused) {
            return new Rejected<>(refused.rejection());
        }
    }
}
