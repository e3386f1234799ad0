package io.ttx.brokerage.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * An organisation's offer on a tender: the amount in fen and its proposal. One per organisation; sending again
 * replaces it ({@code revision} counts from 1).
 */
public record TenderOffer(String id, String tenderId, String org, String subject, long amount, String proposal,
        Instant submittedAt, int revision) {
    public TenderOffer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenderId, "tenderId");
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(proposal, "proposal");
        Objects.requireNonNull(submittedAt, "submittedAt");
        if (!DealLimits.isAmount(amount)) throw new IllegalArgumentException("an offer lies in [0, 10^15] fen");
    }
}
