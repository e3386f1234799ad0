package io.ttx.brokerage.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A payment the buyer made, as the seller or broker recorded it: what it settles, the amount in fen, the day it was
 * paid and, for a milestone payment, the milestone's name.
 */
public record Payment(PaymentKind kind, long amount, LocalDate paidOn, @Nullable String milestone, String recordedBy,
        Instant recordedAt) {

    public Payment {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(paidOn, "paidOn");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
