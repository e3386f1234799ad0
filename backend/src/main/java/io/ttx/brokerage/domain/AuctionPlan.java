package io.ttx.brokerage.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What a seller's TTO or a broker asks for when scheduling an auction (amounts in fen). The term sheet's upfront is
 * replaced by the hammer price at the close.
 */
public record AuctionPlan(String achievementId, String sellerOrg, long startingPrice, long reservePrice, long increment,
        Instant opensAt, Instant closesAt, int antiSnipingSeconds, TermSheet termSheet) {
    public AuctionPlan {
        Objects.requireNonNull(achievementId, "achievementId");
        Objects.requireNonNull(sellerOrg, "sellerOrg");
        Objects.requireNonNull(opensAt, "opensAt");
        Objects.requireNonNull(closesAt, "closesAt");
        Objects.requireNonNull(termSheet, "termSheet");
    }
}
