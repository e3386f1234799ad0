package io.ttx.brokerage.domain;

import java.util.Objects;

/** A deal's identity, chosen by the caller (the store's id). */
public record DealId(String value) {

    public DealId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a deal id is not blank");
        }
    }
}
