package io.ttx.brokerage.domain;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An English auction (拍卖) of an achievement: ascending open bids from {@code startingPrice} in steps of at least
 * {@code increment}, between {@code opensAt} and {@code closesAt}; a bid within {@code antiSnipingSeconds} of the close
 * moves the close to the bid's time plus that many seconds. At the close the highest bid wins if it reaches the
 * (secret) reserve price; the deal then starts at TERMS_AGREED on {@code termSheet} with the hammer price as upfront.
 * Immutable; amounts in fen; {@code bids} are the accepted bids in order (strictly increasing).
 *
 * @param broker the broker organisation (and subject) that created it, null when the seller's TTO did
 * @param dealId the deal of a SOLD auction (its id is fixed when the auction is sold, before the deal is written)
 * @param version incremented by every accepted change; the store writes conditionally on the previous one
 */
public record Auction(String id, String achievementId, String sellerOrg, @Nullable Broker broker, long startingPrice,
        long reservePrice, long increment, Instant opensAt, Instant closesAt, int antiSnipingSeconds, TermSheet termSheet,
        AuctionState state, List<AuctionBid> bids, @Nullable String dealId, String createdBy, Instant createdAt,
        Instant updatedAt, long version) {

    public Auction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(achievementId, "achievementId");
        Objects.requireNonNull(sellerOrg, "sellerOrg");
        Objects.requireNonNull(opensAt, "opensAt");
        Objects.requireNonNull(closesAt, "closesAt");
        Objects.requireNonNull(termSheet, "termSheet");
        Objects.requireNonNull(state, "state");
        bids = List.copyOf(bids);
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public AuctionStatus status(Instant now) {
        return switch (state) {
            case LIVE -> now.isBefore(opensAt) ? AuctionStatus.SCHEDULED : AuctionStatus.OPEN;
            case SOLD -> AuctionStatus.SOLD;
            case UNSOLD -> AuctionStatus.UNSOLD;
            case CANCELLED -> AuctionStatus.CANCELLED;
        };
    }

    public Optional<AuctionBid> highest() {
        return bids.isEmpty() ? Optional.empty() : Optional.of(bids.get(bids.size() - 1));
    }

    /** The least amount the next bid may offer. */
    public long minimumBid() {
        return highest().map(h -> Math.addExact(h.amount(), increment)).orElse(startingPrice);
    }

    public Optional<AuctionBid> bid(String bidId) {
        return bids.stream().filter(b -> b.id().equals(bidId)).findFirst();
    }

    /** Live and past its close: the closing job's work. */
    public boolean isDue(Instant now) {
        return state == AuctionState.LIVE && !now.isBefore(closesAt);
    }

    Auction with(AuctionState nextState, List<AuctionBid> nextBids, Instant nextCloses, @Nullable String nextDealId, Instant now) {
        return new Auction(id, achievementId, sellerOrg, broker, startingPrice, reservePrice, increment, opensAt, nextCloses,
            antiSnipingSeconds, termSheet, nextState, nextBids, nextDealId, createdBy, createdAt, now, version + 1);
    }
}
