package io.ttx.brokerage.domain;

import java.util.function.Supplier;
import java.util.Objects;

/** The outcome of an auction's or a tender's rule: the next state, or a stable problem with nothing changed. */
public sealed interface TradeDecision<T> {
    record Accepted<T>(T value) implements TradeDecision<T> {
        public Accepted {
            Objects.requireNonNull(value, "value");
        }
    }

    record Rejected<T>(DealRejection rejection) implements TradeDecision<T> {
        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
        }
    }

    static <T> TradeDecision<T> of(Supplier<T> rule) {
        try {
            return new Accepted<>(rule.get());
        } catch (Refusal refusal) {
            return new Rejected<>(refusal.rejection());
        }
    }
}
