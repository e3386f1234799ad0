package io.ttx.brokerage.domain;

import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * A deal that an auction or a tender decided: seller and buyer organisations, the broker that ran it (null: the deal
 * waits in the claim queue), the agreed terms (the hammer price or the offer as upfront), and the opening trail
 * entry's actor ({@code by}, {@code actedAs}) and note.
 */
public record Award(String achievementId, String sellerOrg, String buyerOrg, @Nullable Broker broker, TermSheet terms,
        String by, Relation actedAs, String note) {
    public Award {
        Objects.requireNonNull(achievementId, "achievementId");
        Objects.requireNonNull(sellerOrg, "sellerOrg");
        Objects.requireNonNull(buyerOrg, "buyerOrg");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(actedAs, "actedAs");
        Objects.requireNonNull(note, "note");
        if (sellerOrg.equals(buyerOrg)) throw new IllegalArgumentException("an organisation does not buy its own achievement");
    }
}
