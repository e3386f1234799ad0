package io.ttx.brokerage.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * An accepted bid: its id (derived from the bidder's idempotency key, so a replay finds it), the bidding organisation
 * and subject, the amount in fen and when it was accepted.
 */
public record AuctionBid(String id, String org, String subject, long amount, Instant at) {
    public AuctionBid {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(at, "at");
        if (!DealLimits.isAmount(amount)) throw new IllegalArgumentException("a bid lies in [0, 10^15] fen");
    }
}
