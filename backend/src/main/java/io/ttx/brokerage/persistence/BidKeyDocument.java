package io.ttx.brokerage.persistence;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

import java.time.Instant;

/**
 * A bid's idempotency key ({@code auction_bid_keys}): its id is the bid's id (derived from the auction, the bidder
 * and the key), the amount it was sent with, and once decided its outcome: accepted ({@code closesAt} after it), or
 * refused with the problem answered ({@code kind}, {@code code}, {@code detail}). {@code owner} is the request
 * deciding it while {@code decided} is false.
 */
public record BidKeyDocument(@Id String id, String auctionId, String subject, long amount, String owner, Instant takenAt,
                             boolean decided, boolean accepted, @Nullable Instant at, @Nullable Instant closesAt,
                             @Nullable String kind, @Nullable String code, @Nullable String detail) {

    public static BidKeyDocument pending(String id, String auctionId, String subject, long amount, String owner, Instant now) {
        return new BidKeyDocument(id, auctionId, subject, amount, owner, now, false, false, null, null, null, null, null);
    }
}
