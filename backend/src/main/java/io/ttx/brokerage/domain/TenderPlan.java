package io.ttx.brokerage.domain;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Objects;

/** What a seller's TTO or a broker asks for when inviting tenders (amounts in fen). */
public record TenderPlan(String achievementId, String sellerOrg, @Nullable Long minimumPrice, Instant closesAt, TermSheet termSheet) {
    public TenderPlan {
        Objects.requireNonNull(achievementId, "achievementId");
        Objects.requireNonNull(sellerOrg, "sellerOrg");
        Objects.requireNonNull(closesAt, "closesAt");
        Objects.requireNonNull(termSheet, "termSheet");
    }
}
